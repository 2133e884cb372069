// The kernel's virtual files (/proc, /sys): a tree of nodes, some generated on each lookup.
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

class VfsNode {
public:
    virtual ~VfsNode() = default;
    virtual bool is_directory() const { return false; }
    virtual unsigned mode() const = 0; // permission bits; every node belongs to root
    virtual ErrorOr<std::string> read(const Task&) { return Errno {EISDIR}; }
    virtual ErrorOr<void> write(const Task&, std::string_view) { return Errno {EISDIR}; }
    virtual std::shared_ptr<VfsNode> lookup(std::string_view) { return nullptr; }
    virtual std::vector<std::string> list() const { return {}; }
};

class TextFile : public VfsNode {
public:
    using Reader = std::function<ErrorOr<std::string>(const Task&)>;
    using Writer = std::function<ErrorOr<void>(const Task&, std::string_view)>;
    TextFile(unsigned mode, Reader reader, Writer writer = {})
        : m_mode(mode)
        , m_reader(std::move(reader))
        , m_writer(std::move(writer))
    {
    }
    unsigned mode() const override { return m_mode; }
    ErrorOr<std::string> read(const Task& task) override { return m_reader(task); }
    ErrorOr<void> write(const Task& task, std::string_view data) override
    {
        return m_writer ? m_writer(task, data) : ErrorOr<void>(Errno {EIO});
    }

private:
    unsigned m_mode;
    Reader m_reader;
    Writer m_writer;
};

class Directory : public VfsNode {
public:
    using Lister = std::function<std::vector<std::string>()>;
    using Maker = std::function<std::shared_ptr<VfsNode>(std::string_view)>;
    Directory() = default;
    // A directory whose entries are computed on each lookup (/sys/module/*).
    Directory(Lister lister, Maker maker)
        : m_lister(std::move(lister))
        , m_maker(std::move(maker))
    {
    }

    bool is_directory() const override { return true; }
    unsigned mode() const override { return 0555; }
    std::shared_ptr<VfsNode> lookup(std::string_view name) override;
    std::vector<std::string> list() const override;
    Directory& add(const std::string& name, std::shared_ptr<VfsNode> node);
    Directory& subdirectory(const std::string& name);

private:
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

    // Paths under /proc and /sys are the kernel's; all others are the host's.
    static bool is_kernel_path(std::string_view path);

    ErrorOr<std::shared_ptr<VfsNode>> resolve(std::string_view path) const;
    // Reading and writing with Linux's permission checks: root reads
    // anything but writes only where a write bit is set.
    ErrorOr<std::string> read(const Task& task, std::string_view path) const;
    ErrorOr<void> write(const Task& task, std::string_view path, std::string_view data) const;

private:
    std::shared_ptr<Directory> m_root;
};

// Builds /proc and /sys for a kernel.
std::unique_ptr<VirtualFs> make_kernel_vfs(Kernel& kernel);

} // namespace ksim
