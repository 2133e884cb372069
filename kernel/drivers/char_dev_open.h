// chrdev_open(): what opening a char device node reaches, by its major number.
#pragma once

#include <memory>
#include <string>

#include <ksim/fs_abi.h>

#include "fs/vfs.h"

namespace ksim {

// `name` is the /dev node's, for the driver's file->f_path.dentry.
ErrorOr<std::unique_ptr<OpenFile>> open_char_device(
    Kernel& kernel, struct inode& inode, int flags, std::shared_ptr<const void> inode_owner, std::string name);

// The kernel's own devices of major 1: null, zero, full and kmsg.
ErrorOr<std::unique_ptr<OpenFile>> open_memory_device(Kernel& kernel, unsigned minor, int flags);

} // namespace ksim
