// debugfs: the debugging files modules create under /sys/kernel/debug (fs/debugfs).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <ksim/fs_abi.h>

#include "fs/vfs.h"
#include "mm/slab.h"

namespace ksim {

class Debugfs {
public:
    Debugfs(Kernel& kernel, Directory& root);
    ~Debugfs();

    // Each returns the new entry's dentry, or an ERR_PTR.
    struct dentry* create_directory(const std::string& name, struct dentry* parent, OwnerId owner);
    struct dentry* create_file(const std::string& name, unsigned mode, struct dentry* parent, void* data,
        const struct file_operations* fops, OwnerId owner);
    // debugfs_create_u32() and friends: a file showing and setting a module's variable.
    using Show = std::function<std::string()>;
    using Store = std::function<int(const std::string&)>;
    struct dentry* create_value(const std::string& name, unsigned mode, struct dentry* parent, const void* value,
        Show show, Store store, OwnerId owner);
    void remove(struct dentry* entry); // with everything below it
    std::vector<std::string> abandon(OwnerId owner);

    // debugfs is a single-instance file system: every mount of it shows the
    // same tree, which modules fill whether it is mounted or not (Linux pins
    // an internal mount). Unmounting leaves sysfs's empty mount point
    // /sys/kernel/debug; mounting again grafts the tree back on it.
    bool mounted() const { return !m_detached; }
    // What /proc/mounts shows for the mount: its source and options.
    const std::string& source() const { return m_source; }
    const std::string& options() const { return m_options; }
    ErrorOr<void> mount(std::string source, std::string options); // EBUSY when mounted
    ErrorOr<void> unmount(); // EINVAL when not mounted

private:
    struct Entry;
    Entry* find(const struct dentry* handle) const;
    struct dentry* add(const std::string& name, struct dentry* parent, std::shared_ptr<VfsNode> node,
        std::shared_ptr<Directory> dir, OwnerId owner, std::shared_ptr<bool> stale);
    std::string path_of(const Entry* entry) const;

    Directory& mount_point_parent() const;

    Kernel& m_kernel;
    Directory& m_root;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::shared_ptr<VfsNode> m_detached; // the tree while it is not mounted
    // As Debian's systemd mounts it at boot (sys-kernel-debug.mount).
    std::string m_source = "debugfs";
    std::string m_options = "rw,nosuid,nodev,noexec,relatime";
};

} // namespace ksim
