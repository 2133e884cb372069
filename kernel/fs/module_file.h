// An open file whose operations are a module's: char devices, /proc entries, debugfs files.
#pragma once

#include <memory>
#include <string>

#include <ksim/fs_abi.h>

#include "fs/vfs.h"

namespace ksim {

// What the node being opened hands to the file.
struct ModuleFileSetup {
    struct inode* inode = nullptr;
    const struct file_operations* fops = nullptr; // either these...
    const struct proc_ops* proc_ops = nullptr; // ...or these (procfs pins no module)
    void* private_data = nullptr; // misc devices preset it to their miscdevice
    std::string name; // the node's name, for file->f_path.dentry
    // Set once the node is gone (remove_proc_entry): calls then fail with EIO.
    std::shared_ptr<const bool> removed;
    std::shared_ptr<const void> inode_owner; // keeps `inode` alive while the file is open
};

// open(2) of such a node: pins fops->owner, then calls the open method.
ErrorOr<std::unique_ptr<OpenFile>> open_module_file(Kernel& kernel, int flags, ModuleFileSetup setup);

} // namespace ksim
