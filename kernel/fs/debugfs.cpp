// debugfs (see debugfs.h).
#include "fs/debugfs.h"

#include <algorithm>
#include <cerrno>

#include "core/kernel.h"
#include "fs/dentry.h"
#include "fs/module_file.h"
#include "fs/vfs.h"

namespace ksim {

namespace {

template <typename T> T* error_pointer(int error)
{
    return reinterpret_cast<T*>(static_cast<intptr_t>(-error));
}

// A debugfs file with a module's file_operations; like a char device, an
// open file pins the module.
class DebugfsFileNode : public VfsNode, public std::enable_shared_from_this<DebugfsFileNode> {
public:
    DebugfsFileNode(Kernel& kernel, std::string name, unsigned mode, const struct file_operations* fops, void* data,
        std::shared_ptr<bool> stale)
        : m_kernel(kernel)
        , m_name(std::move(name))
        , m_mode(mode)
        , m_fops(fops)
        , m_stale(std::move(stale))
    {
        m_inode.i_mode = static_cast<ksim_umode_t>(0100000 | mode);
        m_inode.i_private = data;
    }
    NodeInfo info() const override { return {'-', m_mode, 0, 0, 0}; }
    bool needs_write_bit() const override { return false; }
    ErrorOr<std::unique_ptr<OpenFile>> open(const Task&, int flags) override
    {
        if (*m_stale) {
            m_kernel.oops_on_freed_memory(reinterpret_cast<uintptr_t>(m_fops), false,
                {"full_proxy_open+0x5c/0x1f0", "do_dentry_open+0x1e6/0x410", "path_openat+0xb77/0x1050"});
            return Errno {task_killed};
        }
        ModuleFileSetup setup;
        setup.inode = &m_inode;
        setup.fops = m_fops;
        setup.inode_owner = shared_from_this();
        setup.name = m_name;
        return open_module_file(m_kernel, flags, setup);
    }

private:
    Kernel& m_kernel;
    std::string m_name;
    unsigned m_mode;
    const struct file_operations* m_fops;
    std::shared_ptr<bool> m_stale;
    struct inode m_inode { };
};

} // namespace

// The module's handle is `dentry`, a real one: its d_name is the entry's name.
struct Debugfs::Entry {
    std::string name;
    Entry* parent;
    std::shared_ptr<Directory> dir; // for directories
    OwnerId owner;
    std::shared_ptr<bool> stale;
    struct dentry dentry { };
};

Debugfs::Debugfs(Kernel& kernel, Directory& root)
    : m_kernel(kernel)
    , m_root(root)
{
}

Debugfs::~Debugfs() = default;

Debugfs::Entry* Debugfs::find(const struct dentry* handle) const
{
    for (const auto& e : m_entries)
        if (&e->dentry == handle)
            return e.get();
    return nullptr;
}

std::string Debugfs::path_of(const Entry* entry) const
{
    return entry ? path_of(entry->parent) + "/" + entry->name : "/sys/kernel/debug";
}

struct dentry* Debugfs::add(const std::string& name, struct dentry* parent, std::shared_ptr<VfsNode> node,
    std::shared_ptr<Directory> dir, OwnerId owner, std::shared_ptr<bool> stale)
{
    Entry* parent_entry = find(parent);
    Directory& where = parent_entry && parent_entry->dir ? *parent_entry->dir : m_root;
    if (where.contains(name)) {
        m_kernel.log().log(3,
            "debugfs: File '" + name + "' in directory '" + (parent_entry ? parent_entry->name : "/")
                + "' already present!");
        return error_pointer<struct dentry>(EEXIST);
    }
    where.add(name, std::move(node));
    m_entries.push_back(std::make_unique<Entry>(Entry {name, parent_entry, std::move(dir), owner, std::move(stale)}));
    Entry& entry = *m_entries.back();
    fill_dentry(entry.dentry, entry.name, nullptr);
    if (parent_entry)
        entry.dentry.d_parent = &parent_entry->dentry;
    return &entry.dentry;
}

struct dentry* Debugfs::create_directory(const std::string& name, struct dentry* parent, OwnerId owner)
{
    // S_IRWXU | S_IRUGO | S_IXUGO, as debugfs_create_dir() makes it; only the root is 0700.
    auto dir = std::make_shared<Directory>(0755);
    return add(name, parent, dir, dir, owner, std::make_shared<bool>(false));
}

struct dentry* Debugfs::create_file(const std::string& name, unsigned mode, struct dentry* parent, void* data,
    const struct file_operations* fops, OwnerId owner)
{
    auto stale = std::make_shared<bool>(false);
    auto node
        = std::make_shared<DebugfsFileNode>(m_kernel, name, mode & 07777 ? mode & 07777 : 0444, fops, data, stale);
    return add(name, parent, node, nullptr, owner, stale);
}

struct dentry* Debugfs::create_value(const std::string& name, unsigned mode, struct dentry* parent, const void* value,
    Show show, Store store, OwnerId owner)
{
    auto stale = std::make_shared<bool>(false);
    Kernel& kernel = m_kernel;
    auto alive = [&kernel, stale, value](const char* frame) {
        if (!*stale)
            return true;
        kernel.oops_on_freed_memory(reinterpret_cast<uintptr_t>(value), false, {frame, "vfs_read+0xa8/0x2a0"});
        return false;
    };
    auto reader = [alive, show](const Task&) -> ErrorOr<std::string> {
        if (!alive("debugfs_attr_read+0x44/0x70"))
            return Errno {task_killed};
        return show();
    };
    auto writer = [alive, store](const Task&, std::string_view data) -> ErrorOr<void> {
        if (!alive("debugfs_attr_write+0x4a/0x80"))
            return Errno {task_killed};
        if (int error = store(std::string(data)))
            return Errno {error};
        return {};
    };
    auto node = std::make_shared<TextFile>(
        mode & 0777, reader, (mode & 0222) ? TextFile::Writer(writer) : TextFile::Writer {});
    return add(name, parent, node, nullptr, owner, stale);
}

void Debugfs::remove(struct dentry* handle)
{
    Entry* entry = find(handle);
    if (!entry)
        return;
    std::vector<Entry*> children;
    for (const auto& e : m_entries)
        if (e->parent == entry)
            children.push_back(e.get());
    for (Entry* child : children)
        remove(&child->dentry);
    Directory& where = entry->parent && entry->parent->dir ? *entry->parent->dir : m_root;
    where.remove(entry->name);
    std::erase_if(m_entries, [&](const auto& e) { return e.get() == entry; });
}

Directory& Debugfs::mount_point_parent() const
{
    return dynamic_cast<Directory&>(*m_kernel.vfs().resolve("/sys/kernel").value());
}

ErrorOr<void> Debugfs::mount(std::string source, std::string options)
{
    // do_add_mount(): the same superblock on the same mount point again is refused.
    if (mounted())
        return Errno {EBUSY};
    mount_point_parent().add("debug", std::move(m_detached));
    m_source = std::move(source);
    m_options = std::move(options);
    return {};
}

ErrorOr<void> Debugfs::unmount()
{
    if (!mounted())
        return Errno {EINVAL}; // not a mount point any more
    Directory& sys_kernel = mount_point_parent();
    m_detached = sys_kernel.lookup("debug");
    // sysfs_create_mount_point(): an empty kernfs directory, mode 0755.
    sys_kernel.add("debug", std::make_shared<Directory>(0755));
    return {};
}

std::vector<std::string> Debugfs::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    for (const auto& e : m_entries)
        if (e->owner == owner && !*e->stale) {
            *e->stale = true;
            if (!e->parent || e->parent->owner != owner)
                found.push_back(path_of(e.get()));
        }
    return found;
}

} // namespace ksim
