// The kernel's file tree (/proc, /sys, /dev): nodes, and the open files made from them.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error_or.h"
#include "core/task.h"

namespace ksim {

class Kernel;

// What a file without a poll method is always ready for: EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM.
constexpr unsigned default_poll_mask = 0x1 | 0x4 | 0x40 | 0x100;

// open(2) flags ksim understands (Linux's values).
constexpr int open_read_only = 0, open_write_only = 1, open_read_write = 2, open_access_mask = 3;
constexpr int open_create = 0100, open_truncate = 01000, open_append = 02000, open_nonblock = 04000,
              open_directory = 0200000;

// One name in a directory, as getdents64(2) hands it out: d_type is 'd', 'c' or '-'.
struct DirectoryEntry {
    std::string name;
    char type;
};

// An open file description: what one open(2) returns, shared by the file
// descriptors dup'ed from it. Closing the last one releases it.
class OpenFile {
public:
    explicit OpenFile(int flags)
        : m_flags(flags)
    {
    }
    virtual ~OpenFile() = default;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    int flags() const { return m_flags; }
    bool readable() const { return (m_flags & open_access_mask) != open_write_only; }
    bool writable() const { return (m_flags & open_access_mask) != open_read_only; }

    // read(2) of at most `count` bytes; "" at end of file.
    virtual ErrorOr<std::string> read(size_t count) = 0;
    // write(2): how many bytes were taken.
    virtual ErrorOr<size_t> write(std::string_view data) = 0;
    virtual ErrorOr<long long> llseek(long long offset, int whence);
    // ioctl(2) with `arg` as the caller passed it (often a user address).
    virtual ErrorOr<long> ioctl(unsigned command, unsigned long arg);
    // poll(2) without waiting: the EPOLL* bits the file is ready for.
    virtual ErrorOr<unsigned> poll();
    // getdents64(2): the entries from the file position on (which llseek
    // moves, one per entry); ENOTDIR for a file that is not a directory.
    virtual ErrorOr<std::vector<DirectoryEntry>> read_directory();
    // The last close; the file's owner may run code (a driver's release).
    virtual void release() { }

private:
    int m_flags;
};

// What ls -l and stat show about a node.
struct NodeInfo {
    char type = '-'; // '-', 'd', 'c'
    unsigned mode = 0444;
    unsigned uid = 0;
    unsigned rdev = 0; // MKDEV(major, minor) for device nodes
    long long size = 0;
};

class VfsNode {
public:
    virtual ~VfsNode() = default;
    virtual bool is_directory() const { return false; }
    virtual NodeInfo info() const = 0;
    // kernfs and procfs refuse to open a file for writing that has no write
    // bit at all, even for root; device nodes follow plain DAC rules.
    virtual bool needs_write_bit() const { return true; }
    virtual ErrorOr<std::unique_ptr<OpenFile>> open(const Task&, int flags) = 0;
    virtual std::shared_ptr<VfsNode> lookup(std::string_view) { return nullptr; }
    virtual std::vector<std::string> list() const { return {}; }
};

// A file whose whole contents a function makes on the first read, and
// whose writes each go to another function: sysfs attributes and most of /proc.
class TextFile : public VfsNode {
public:
    using Reader = std::function<ErrorOr<std::string>(const Task&)>;
    using Writer = std::function<ErrorOr<void>(const Task&, std::string_view)>;
    TextFile(unsigned mode, Reader reader, Writer writer = {}, long long size = 0)
        : m_mode(mode)
        , m_size(size)
        , m_reader(std::move(reader))
        , m_writer(std::move(writer))
    {
    }
    NodeInfo info() const override { return {'-', m_mode, 0, 0, m_size}; }
    ErrorOr<std::unique_ptr<OpenFile>> open(const Task& task, int flags) override;

private:
    unsigned m_mode;
    long long m_size;
    Reader m_reader;
    Writer m_writer;
};

class Directory : public VfsNode {
public:
    using Lister = std::function<std::vector<std::string>()>;
    using Maker = std::function<std::shared_ptr<VfsNode>(std::string_view)>;
    explicit Directory(unsigned mode = 0555)
        : m_mode(mode)
    {
    }
    // A directory whose entries are computed on each lookup (/sys/module/*).
    Directory(Lister lister, Maker maker)
        : m_lister(std::move(lister))
        , m_maker(std::move(maker))
    {
    }

    bool is_directory() const override { return true; }
    NodeInfo info() const override { return {'d', m_mode, 0, 0, 0}; }
    ErrorOr<std::unique_ptr<OpenFile>> open(const Task&, int flags) override;
    std::shared_ptr<VfsNode> lookup(std::string_view name) override;
    std::vector<std::string> list() const override;
    bool contains(std::string_view name) const { return m_children.contains(name); }
    bool empty() const { return m_children.empty(); }
    Directory& add(const std::string& name, std::shared_ptr<VfsNode> node);
    bool remove(std::string_view name);
    Directory& subdirectory(const std::string& name, unsigned mode = 0555);
    // Entries computed on each lookup beside the fixed ones (/proc's pid folders).
    void set_dynamic(Lister lister, Maker maker);

private:
    unsigned m_mode = 0555;
    std::map<std::string, std::shared_ptr<VfsNode>, std::less<>> m_children;
    Lister m_lister;
    Maker m_maker;
};

class VirtualFs {
public:
    VirtualFs()
        : m_root(std::make_shared<Directory>())
    {
    }
    Directory& root() { return *m_root; }

    // With a task, each directory on the way must be searchable by it.
    ErrorOr<std::shared_ptr<VfsNode>> resolve(std::string_view path, const Task* task = nullptr) const;
    // open(2) with Linux's permission checks for the task.
    ErrorOr<std::unique_ptr<OpenFile>> open(const Task& task, std::string_view path, int flags) const;
    // Whole-file helpers: open, read or write everything, close.
    ErrorOr<std::string> read(const Task& task, std::string_view path) const;
    ErrorOr<void> write(const Task& task, std::string_view path, std::string_view data) const;

private:
    std::shared_ptr<Directory> m_root;
};

// The permission check of open(2) for a node's mode bits and owner.
int permission_error(const VfsNode& node, const Task& task, int flags);

// Reads from an open file until end of file (or `limit` bytes).
ErrorOr<std::string> read_all(OpenFile& file, size_t limit = 64 << 20);

// Builds /proc, /sys and /dev for a kernel.
std::unique_ptr<VirtualFs> make_kernel_vfs(Kernel& kernel);

} // namespace ksim
