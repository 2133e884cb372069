// register_chrdev(), the chrdev regions and cdevs: the module API of fs/char_dev.c.
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "drivers/char_dev.h"

namespace {

int register_region(unsigned major, unsigned baseminor, unsigned count, const char* name, ksim::OwnerId owner)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    auto result = kernel.chrdevs().register_region(major, baseminor, count, name ? name : "", owner, kernel.log());
    return result.is_error() ? -result.error() : static_cast<int>(result.value());
}

} // namespace

KSIM_EXPORT int register_chrdev_region(unsigned int from, unsigned count, const char* name)
{
    ksim::OwnerId owner = ksim::caller_owner(__builtin_return_address(0));
    unsigned to = from + count;
    for (unsigned n = from; n < to;) {
        unsigned next = std::min(ksim::make_dev(ksim::major_of(n) + 1, 0), to);
        int result = register_region(ksim::major_of(n), ksim::minor_of(n), next - n, name, owner);
        if (result < 0) {
            for (unsigned undo = from; undo < n;) {
                unsigned undo_next = std::min(ksim::make_dev(ksim::major_of(undo) + 1, 0), to);
                (void)ksim::Kernel::current().chrdevs().unregister_region(
                    ksim::major_of(undo), ksim::minor_of(undo), undo_next - undo);
                undo = undo_next;
            }
            return result;
        }
        n = next;
    }
    return 0;
}

KSIM_EXPORT int alloc_chrdev_region(unsigned int* dev, unsigned baseminor, unsigned count, const char* name)
{
    int major = register_region(0, baseminor, count, name, ksim::caller_owner(__builtin_return_address(0)));
    if (major < 0)
        return major;
    *dev = ksim::make_dev(static_cast<unsigned>(major), baseminor);
    return 0;
}

KSIM_EXPORT void unregister_chrdev_region(unsigned int from, unsigned count)
{
    unsigned to = from + count;
    for (unsigned n = from; n < to;) {
        unsigned next = std::min(ksim::make_dev(ksim::major_of(n) + 1, 0), to);
        (void)ksim::Kernel::current().chrdevs().unregister_region(ksim::major_of(n), ksim::minor_of(n), next - n);
        n = next;
    }
}

KSIM_EXPORT int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char* name,
    const struct file_operations* fops)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::OwnerId owner = ksim::caller_owner(__builtin_return_address(0));
    int result = register_region(major, baseminor, count, name, owner);
    if (result < 0)
        return result;
    unsigned got = static_cast<unsigned>(result);
    auto cdev = std::make_unique<struct cdev>();
    cdev->owner = fops ? fops->owner : nullptr;
    cdev->ops = fops;
    cdev->dev = ksim::make_dev(got, baseminor);
    cdev->count = count;
    kernel.chrdevs().add_cdev(cdev.get(), owner);
    kernel.chrdevs().attach_cdev(got, baseminor, std::move(cdev));
    return major ? 0 : result;
}

KSIM_EXPORT void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char*)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (auto cdev = kernel.chrdevs().unregister_region(major, baseminor, count))
        kernel.chrdevs().remove_cdev(cdev.get());
}

KSIM_EXPORT void cdev_init(struct cdev* cdev, const struct file_operations* fops)
{
    std::memset(cdev, 0, sizeof *cdev);
    cdev->ops = fops;
}

KSIM_EXPORT struct cdev* cdev_alloc(void)
{
    // Freed by cdev_del(), as the kobject release frees it on Linux.
    return ksim::Kernel::current().chrdevs().allocate_cdev();
}

KSIM_EXPORT int cdev_add(struct cdev* cdev, unsigned int dev, unsigned count)
{
    if (count == 0)
        return -EINVAL;
    cdev->dev = dev;
    cdev->count = count;
    ksim::Kernel::current().chrdevs().add_cdev(cdev, ksim::caller_owner(__builtin_return_address(0)));
    return 0;
}

KSIM_EXPORT void cdev_del(struct cdev* cdev)
{
    ksim::Kernel::current().chrdevs().remove_cdev(cdev);
}
