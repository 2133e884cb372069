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

private:
    struct Entry;
    Entry* find(const struct dentry* handle) const;
    struct dentry* add(const std::string& name, struct dentry* parent, std::shared_ptr<VfsNode> node,
        std::shared_ptr<Directory> dir, OwnerId owner, std::shared_ptr<bool> stale);
    std::string path_of(const Entry* entry) const;

    Kernel& m_kernel;
    Directory& m_root;
    std::vector<std::unique_ptr<Entry>> m_entries;
};

} // namespace ksim
