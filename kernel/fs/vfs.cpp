// The kernel's file tree (see vfs.h).
#include "fs/vfs.h"

#include <algorithm>
#include <cerrno>

namespace ksim {

namespace {

class TextOpenFile : public OpenFile {
public:
    // The functions are copied: nodes under /sys/module are made afresh on
    // each lookup and may be gone while the file is open.
    TextOpenFile(int flags, Task task, TextFile::Reader reader, TextFile::Writer writer)
        : OpenFile(flags)
        , m_task(std::move(task))
        , m_reader(std::move(reader))
        , m_writer(std::move(writer))
    {
    }

    ErrorOr<std::string> read(size_t count) override
    {
        // Like kernfs, the contents are made afresh by a read at offset 0.
        if (m_position == 0 || !m_made) {
            auto text = m_reader(m_task);
            if (text.is_error())
                return Errno {text.error()};
            m_contents = text.release_value();
            m_made = true;
        }
        if (m_position >= static_cast<long long>(m_contents.size()))
            return std::string();
        std::string chunk = m_contents.substr(static_cast<size_t>(m_position), count);
        m_position += static_cast<long long>(chunk.size());
        return chunk;
    }

    ErrorOr<size_t> write(std::string_view data) override
    {
        if (!m_writer)
            return Errno {EIO};
        auto written = m_writer(m_task, data);
        if (written.is_error())
            return Errno {written.error()};
        return data.size();
    }

    ErrorOr<long long> llseek(long long offset, int whence) override
    {
        long long base = whence == 0 ? 0 : whence == 1 ? m_position : -1;
        if (base < 0 || base + offset < 0)
            return Errno {EINVAL};
        return m_position = base + offset;
    }

private:
    Task m_task;
    TextFile::Reader m_reader;
    TextFile::Writer m_writer;
    std::string m_contents;
    bool m_made = false;
    long long m_position = 0;
};

// The entries are listed when the directory is opened, as a snapshot.
class DirectoryOpenFile : public OpenFile {
public:
    DirectoryOpenFile(int flags, std::vector<DirectoryEntry> entries)
        : OpenFile(flags)
        , m_entries(std::move(entries))
    {
    }
    ErrorOr<std::string> read(size_t) override { return Errno {EISDIR}; }
    ErrorOr<size_t> write(std::string_view) override { return Errno {EISDIR}; }
    ErrorOr<std::vector<DirectoryEntry>> read_directory() override
    {
        return std::vector<DirectoryEntry>(m_entries.begin() + static_cast<long>(m_position), m_entries.end());
    }
    ErrorOr<long long> llseek(long long offset, int whence) override
    {
        long long base = whence == 0 ? 0 : whence == 1 ? static_cast<long long>(m_position) : -1;
        if (base < 0 || base + offset < 0)
            return Errno {EINVAL};
        m_position = std::min(static_cast<size_t>(base + offset), m_entries.size());
        return static_cast<long long>(m_position);
    }

private:
    std::vector<DirectoryEntry> m_entries;
    size_t m_position = 0;
};

} // namespace

ErrorOr<long long> OpenFile::llseek(long long, int)
{
    return Errno {ESPIPE};
}

ErrorOr<long> OpenFile::ioctl(unsigned, unsigned long)
{
    return Errno {ENOTTY};
}

ErrorOr<unsigned> OpenFile::poll()
{
    return default_poll_mask;
}

ErrorOr<std::vector<DirectoryEntry>> OpenFile::read_directory()
{
    return Errno {ENOTDIR};
}

ErrorOr<std::unique_ptr<OpenFile>> TextFile::open(const Task& task, int flags)
{
    return std::unique_ptr<OpenFile>(std::make_unique<TextOpenFile>(flags, task, m_reader, m_writer));
}

ErrorOr<std::unique_ptr<OpenFile>> Directory::open(const Task&, int flags)
{
    if ((flags & open_access_mask) != open_read_only)
        return Errno {EISDIR};
    std::vector<DirectoryEntry> entries {{".", 'd'}, {"..", 'd'}};
    for (const std::string& name : list()) {
        std::shared_ptr<VfsNode> child = lookup(name);
        entries.push_back({name, child ? child->info().type : '-'});
    }
    return std::unique_ptr<OpenFile>(std::make_unique<DirectoryOpenFile>(flags, std::move(entries)));
}

std::shared_ptr<VfsNode> Directory::lookup(std::string_view name)
{
    if (auto it = m_children.find(name); it != m_children.end())
        return it->second;
    if (m_maker && m_lister) {
        for (const std::string& entry : m_lister())
            if (entry == name)
                return m_maker(name);
    }
    return nullptr;
}

std::vector<std::string> Directory::list() const
{
    std::vector<std::string> names;
    for (const auto& [name, node] : m_children)
        names.push_back(name);
    if (m_lister)
        for (std::string& name : m_lister())
            names.push_back(std::move(name));
    return names;
}

Directory& Directory::add(const std::string& name, std::shared_ptr<VfsNode> node)
{
    m_children[name] = std::move(node);
    return *this;
}

bool Directory::remove(std::string_view name)
{
    auto it = m_children.find(name);
    if (it == m_children.end())
        return false;
    m_children.erase(it);
    return true;
}

Directory& Directory::subdirectory(const std::string& name, unsigned mode)
{
    auto it = m_children.find(name);
    if (it == m_children.end())
        it = m_children.emplace(name, std::make_shared<Directory>(mode)).first;
    return static_cast<Directory&>(*it->second);
}

void Directory::set_dynamic(Lister lister, Maker maker)
{
    m_lister = std::move(lister);
    m_maker = std::move(maker);
}

ErrorOr<std::shared_ptr<VfsNode>> VirtualFs::resolve(std::string_view path, const Task* task) const
{
    std::shared_ptr<VfsNode> node = m_root;
    while (!path.empty()) {
        size_t start = path.find_first_not_of('/');
        if (start == std::string_view::npos)
            break;
        path.remove_prefix(start);
        size_t end = path.find('/');
        std::string_view name = path.substr(0, end);
        path.remove_prefix(end == std::string_view::npos ? path.size() : end);
        if (name == ".")
            continue;
        if (!node->is_directory())
            return Errno {ENOTDIR};
        // Searching a directory needs its x bit (debugfs is root's only).
        if (NodeInfo dir = node->info(); task && !task->is_root() && !(dir.mode & (task->uid == dir.uid ? 0100 : 0001)))
            return Errno {EACCES};
        node = node->lookup(name);
        if (!node)
            return Errno {ENOENT};
    }
    return node;
}

int permission_error(const VfsNode& node, const Task& task, int flags)
{
    NodeInfo info = node.info();
    bool wants_read = (flags & open_access_mask) != open_write_only;
    bool wants_write = (flags & open_access_mask) != open_read_only;
    if (task.is_root()) {
        // CAP_DAC_OVERRIDE, except where kernfs and procfs insist on a write bit.
        if (wants_write && node.needs_write_bit() && !(info.mode & 0222))
            return EACCES;
        return 0;
    }
    unsigned bits = task.uid == info.uid ? (info.mode >> 6) & 7 : info.mode & 7;
    if ((wants_read && !(bits & 4)) || (wants_write && !(bits & 2)))
        return EACCES;
    return 0;
}

ErrorOr<std::unique_ptr<OpenFile>> VirtualFs::open(const Task& task, std::string_view path, int flags) const
{
    auto node = resolve(path, &task);
    if (node.is_error()) {
        // procfs and sysfs directories have no create(): O_CREAT of a new
        // name in one is refused (lookup_open()), whoever asks.
        if (node.error() == ENOENT && (flags & open_create) && !path.starts_with("/dev")) {
            auto parent = resolve(path.substr(0, path.rfind('/')), &task);
            if (!parent.is_error() && parent.value()->is_directory())
                return Errno {EACCES};
        }
        return Errno {node.error()};
    }
    if (node.value()->is_directory() && (flags & open_access_mask) != open_read_only)
        return Errno {EISDIR};
    if ((flags & open_directory) && !node.value()->is_directory())
        return Errno {ENOTDIR};
    if (int error = permission_error(*node.value(), task, flags))
        return Errno {error};
    return node.value()->open(task, flags);
}

ErrorOr<std::string> read_all(OpenFile& file, size_t limit)
{
    std::string contents;
    while (contents.size() < limit) {
        auto chunk = file.read(std::min<size_t>(128 << 10, limit - contents.size()));
        if (chunk.is_error())
            return Errno {chunk.error()};
        if (chunk.value().empty())
            break;
        contents += chunk.value();
    }
    return contents;
}

ErrorOr<std::string> VirtualFs::read(const Task& task, std::string_view path) const
{
    auto file = open(task, path, open_read_only);
    if (file.is_error())
        return Errno {file.error()};
    auto contents = read_all(*file.value());
    file.value()->release();
    return contents;
}

ErrorOr<void> VirtualFs::write(const Task& task, std::string_view path, std::string_view data) const
{
    auto file = open(task, path, open_write_only);
    if (file.is_error())
        return Errno {file.error()};
    auto written = file.value()->write(data);
    file.value()->release();
    if (written.is_error())
        return Errno {written.error()};
    return {};
}

} // namespace ksim
