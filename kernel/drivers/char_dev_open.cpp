// chrdev_open() (see char_dev_open.h).
#include "drivers/char_dev_open.h"

#include <cerrno>
#include <cstddef>

#include "core/kernel.h"
#include "drivers/char_dev.h"
#include "drivers/misc_device.h"
#include "fs/module_file.h"

namespace ksim {

ErrorOr<std::unique_ptr<OpenFile>> open_char_device(
    Kernel& kernel, struct inode& inode, int flags, std::shared_ptr<const void> inode_owner, std::string name)
{
    unsigned dev = inode.i_rdev;
    if (major_of(dev) == 1)
        return open_memory_device(kernel, minor_of(dev), flags);
    ModuleFileSetup setup;
    setup.inode = &inode;
    setup.inode_owner = std::move(inode_owner);
    setup.name = std::move(name);
    if (major_of(dev) == misc_major) {
        auto found = kernel.misc_devices().find(minor_of(dev));
        if (!found.device)
            return Errno {ENODEV};
        if (found.stale) {
            kernel.oops_on_freed_memory(reinterpret_cast<uintptr_t>(found.device) + offsetof(miscdevice, fops), false,
                {"misc_open+0x5a/0x170", "chrdev_open+0xc9/0x230", "do_dentry_open+0x1e6/0x410"});
            return Errno {task_killed};
        }
        setup.fops = found.device->fops;
        setup.private_data = found.device; // misc_open() presets it for the driver
        return open_module_file(kernel, flags, setup);
    }
    auto found = kernel.chrdevs().find_cdev(dev);
    if (!found.cdev)
        return Errno {ENXIO};
    if (found.stale) {
        kernel.oops_on_freed_memory(reinterpret_cast<uintptr_t>(found.cdev) + offsetof(struct cdev, ops), false,
            {"chrdev_open+0x3d/0x230", "do_dentry_open+0x1e6/0x410", "path_openat+0xb77/0x1050"});
        return Errno {task_killed};
    }
    inode.i_cdev = found.cdev;
    setup.fops = found.cdev->ops;
    return open_module_file(kernel, flags, setup);
}

} // namespace ksim
