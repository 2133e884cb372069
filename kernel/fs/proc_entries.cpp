// Module-made /proc entries (see proc_entries.h).
#include "fs/proc_entries.h"

#include <algorithm>
#include <cerrno>

#include "core/kernel.h"
#include "fs/module_file.h"

namespace ksim {

namespace {

// A /proc file served by a module's proc_ops. Unlike a char device it pins
// no module: once the entry is removed, open files get EIO.
class ProcFileNode : public VfsNode, public std::enable_shared_from_this<ProcFileNode> {
public:
    ProcFileNode(Kernel& kernel, std::string name, unsigned mode, const struct proc_ops* ops, void* data)
        : m_kernel(kernel)
        , m_name(std::move(name))
        , m_mode(mode)
        , m_ops(ops)
        , m_removed(std::make_shared<bool>(false))
    {
        m_inode.i_mode = static_cast<ksim_umode_t>(0100000 | mode);
        m_inode.i_private = data;
    }
    NodeInfo info() const override { return {'-', m_mode, m_inode.i_uid, 0, m_inode.i_size}; }
    ErrorOr<std::unique_ptr<OpenFile>> open(const Task&, int flags) override
    {
        if (m_stale) {
            m_kernel.oops_on_freed_memory(reinterpret_cast<uintptr_t>(m_ops), false,
                {"proc_reg_open+0x4f/0x1c0", "do_dentry_open+0x1e6/0x410", "path_openat+0xb77/0x1050"});
            return Errno {task_killed};
        }
        ModuleFileSetup setup;
        setup.inode = &m_inode;
        setup.proc_ops = m_ops;
        setup.removed = m_removed;
        setup.inode_owner = shared_from_this();
        setup.name = m_name;
        return open_module_file(m_kernel, flags, setup);
    }
    void mark_removed() { *m_removed = true; }
    void mark_stale() { m_stale = true; }
    void set_size(long long size) { m_inode.i_size = size; }
    void set_user(unsigned uid, unsigned gid)
    {
        m_inode.i_uid = uid;
        m_inode.i_gid = gid;
    }
    const struct inode* inode() const { return &m_inode; }

private:
    Kernel& m_kernel;
    std::string m_name;
    unsigned m_mode;
    const struct proc_ops* m_ops;
    std::shared_ptr<bool> m_removed;
    bool m_stale = false;
    struct inode m_inode { };
};

extern "C" int single_open(struct file* file, int (*show)(struct seq_file*, void*), void* data);
extern "C" int single_release(struct inode* inode, struct file* file);
extern "C" long seq_read(struct file* file, char* buffer, unsigned long size, long long* ppos);
extern "C" long long seq_lseek(struct file* file, long long offset, int whence);

// proc_create_single_data(): the kernel's own proc_ops, opening the entry's
// show function as a single-record seq_file.
int proc_single_open(struct inode* inode, struct file* file)
{
    auto show = Kernel::current().proc_entries().single_show_of(inode);
    return show ? single_open(file, show, inode->i_private) : -ENOENT;
}

const struct proc_ops single_proc_ops = {
    .proc_flags = 0,
    .proc_open = proc_single_open,
    .proc_read = seq_read,
    .proc_read_iter = nullptr,
    .proc_write = nullptr,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
    .proc_poll = nullptr,
    .proc_ioctl = nullptr,
    .proc_compat_ioctl = nullptr,
    .proc_mmap = nullptr,
    .proc_get_unmapped_area = nullptr,
};

} // namespace

struct ProcEntries::Entry {
    std::string name;
    Entry* parent; // nullptr: /proc itself
    std::shared_ptr<VfsNode> node;
    std::shared_ptr<Directory> directory; // for proc_mkdir entries
    void* data;
    OwnerId owner;
    bool stale = false;
};

ProcEntries::ProcEntries(Kernel& kernel, Directory& proc)
    : m_kernel(kernel)
    , m_proc(proc)
{
}

ProcEntries::~ProcEntries() = default;

ProcEntries::Entry* ProcEntries::find(const struct proc_dir_entry* handle) const
{
    for (const auto& e : m_entries)
        if (reinterpret_cast<const struct proc_dir_entry*>(e.get()) == handle)
            return e.get();
    return nullptr;
}

Directory& ProcEntries::directory_of(struct proc_dir_entry* parent) const
{
    Entry* entry = find(parent);
    return entry && entry->directory ? *entry->directory : m_proc;
}

std::string ProcEntries::path_of(const Entry* entry) const
{
    return entry ? path_of(entry->parent) + "/" + entry->name : "/proc";
}

std::string ProcEntries::name_of(const Entry* entry) const
{
    return entry ? entry->name : "/proc";
}

struct proc_dir_entry* ProcEntries::add(std::unique_ptr<Entry> entry, std::shared_ptr<VfsNode> node)
{
    Directory& dir = directory_of(reinterpret_cast<struct proc_dir_entry*>(entry->parent));
    if (entry->name.empty() || entry->name.find('/') != std::string::npos) {
        m_kernel.log().log(3, "name '" + entry->name + "'");
        return nullptr;
    }
    if (dir.contains(entry->name)) {
        m_kernel.warn("proc_dir_entry '" + name_of(entry->parent) + "/" + entry->name + "' already registered",
            "fs/proc/generic.c:382 proc_register+0x104/0x140");
        return nullptr;
    }
    entry->node = std::move(node);
    dir.add(entry->name, entry->node);
    m_entries.push_back(std::move(entry));
    return reinterpret_cast<struct proc_dir_entry*>(m_entries.back().get());
}

struct proc_dir_entry* ProcEntries::create_file(const std::string& name, unsigned mode, struct proc_dir_entry* parent,
    const struct proc_ops* ops, void* data, OwnerId owner)
{
    if ((mode & 07777) == 0)
        mode |= 0444;
    auto entry = std::make_unique<Entry>(Entry {name, find(parent), nullptr, nullptr, data, owner});
    return add(std::move(entry), std::make_shared<ProcFileNode>(m_kernel, name, mode & 07777, ops, data));
}

struct proc_dir_entry* ProcEntries::create_directory(
    const std::string& name, unsigned mode, struct proc_dir_entry* parent, void* data, OwnerId owner)
{
    auto directory = std::make_shared<Directory>((mode & 07777) ? mode & 07777 : 0555);
    auto entry = std::make_unique<Entry>(Entry {name, find(parent), nullptr, directory, data, owner});
    return add(std::move(entry), directory);
}

void ProcEntries::erase(Entry* entry)
{
    // Children first, then the entry itself.
    std::vector<Entry*> children;
    for (const auto& e : m_entries)
        if (e->parent == entry)
            children.push_back(e.get());
    for (Entry* child : children)
        erase(child);
    directory_of(reinterpret_cast<struct proc_dir_entry*>(entry->parent)).remove(entry->name);
    if (auto* file = dynamic_cast<ProcFileNode*>(entry->node.get())) {
        file->mark_removed();
        m_single_shows.erase(file->inode());
    }
    std::erase_if(m_entries, [&](const auto& e) { return e.get() == entry; });
}

void ProcEntries::remove(struct proc_dir_entry* handle)
{
    if (Entry* entry = find(handle))
        erase(entry);
}

void ProcEntries::remove(const std::string& name, struct proc_dir_entry* parent)
{
    Entry* parent_entry = find(parent);
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
        [&](const auto& e) { return e->parent == parent_entry && e->name == name; });
    if (it == m_entries.end()) {
        m_kernel.warn("name '" + name + "'", "fs/proc/generic.c:712 remove_proc_entry+0x1a4/0x1c0");
        return;
    }
    Entry* entry = it->get();
    if (entry->directory && !entry->directory->empty()) {
        std::string first = entry->directory->list().front();
        m_kernel.warn("remove_proc_entry: removing non-empty directory '" + name_of(parent_entry) + "/" + name
                + "', leaking at least '" + first + "'",
            "fs/proc/generic.c:718 remove_proc_entry+0x191/0x1c0");
    }
    erase(entry);
}

struct proc_dir_entry* ProcEntries::create_single(const std::string& name, unsigned mode, struct proc_dir_entry* parent,
    int (*show)(struct seq_file*, void*), void* data, OwnerId owner)
{
    struct proc_dir_entry* entry = create_file(name, mode, parent, &single_proc_ops, data, owner);
    if (auto* file = entry ? dynamic_cast<ProcFileNode*>(find(entry)->node.get()) : nullptr)
        m_single_shows[file->inode()] = show;
    return entry;
}

ProcEntries::SingleShow ProcEntries::single_show_of(const struct inode* inode) const
{
    auto it = m_single_shows.find(inode);
    return it == m_single_shows.end() ? nullptr : it->second;
}

void ProcEntries::set_size(struct proc_dir_entry* handle, long long size)
{
    if (Entry* entry = find(handle))
        if (auto* file = dynamic_cast<ProcFileNode*>(entry->node.get()))
            file->set_size(size);
}

void ProcEntries::set_user(struct proc_dir_entry* handle, unsigned uid, unsigned gid)
{
    if (Entry* entry = find(handle))
        if (auto* file = dynamic_cast<ProcFileNode*>(entry->node.get()))
            file->set_user(uid, gid);
}

void* ProcEntries::data_of(const struct proc_dir_entry* handle) const
{
    Entry* entry = find(handle);
    return entry ? entry->data : nullptr;
}

std::vector<std::string> ProcEntries::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    for (const auto& e : m_entries) {
        if (e->owner != owner || e->stale)
            continue;
        e->stale = true;
        if (auto* file = dynamic_cast<ProcFileNode*>(e->node.get()))
            file->mark_stale();
        found.push_back(path_of(e.get()));
    }
    return found;
}

} // namespace ksim
