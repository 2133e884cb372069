// kobject_create_and_add(), sysfs_create_file() and friends, and the kernel's own kobjects.
#include <cstdarg>
#include <cstddef>

#include <ksim/fs_abi.h>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "fs/sysfs_kobjects.h"
#include "printk/format_hooks.h"

// The kobjects of /sys/kernel, /sys/kernel/mm, /sys/fs and /sys/firmware,
// set when the kernel boots (part of the module ABI, so plain globals).
extern "C" {
__attribute__((visibility("default"))) struct kobject* kernel_kobj;
__attribute__((visibility("default"))) struct kobject* mm_kobj;
__attribute__((visibility("default"))) struct kobject* fs_kobj;
__attribute__((visibility("default"))) struct kobject* firmware_kobj;
}

namespace ksim {

void publish_builtin_kobjects(SysfsObjects& sysfs)
{
    kernel_kobj = sysfs.builtin("kernel");
    mm_kobj = sysfs.builtin("kernel/mm");
    fs_kobj = sysfs.builtin("fs");
    firmware_kobj = sysfs.builtin("firmware");
}

} // namespace ksim

KSIM_EXPORT struct kobject* kobject_create_and_add(const char* name, struct kobject* parent)
{
    return ksim::Kernel::current().sysfs_objects().create_and_add(
        name ? name : "", parent, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT struct kobject* kobject_get(struct kobject* kobj)
{
    return kobj ? ksim::Kernel::current().sysfs_objects().get(kobj) : nullptr;
}

KSIM_EXPORT void kobject_put(struct kobject* kobj)
{
    if (kobj)
        ksim::Kernel::current().sysfs_objects().put(kobj);
}

KSIM_EXPORT void kobject_del(struct kobject* kobj)
{
    kobject_put(kobj);
}

KSIM_EXPORT const char* kobject_name(const struct kobject* kobj)
{
    return kobj->name;
}

KSIM_EXPORT int sysfs_create_file_ns(struct kobject* kobj, const struct attribute* attr, const void*)
{
    return ksim::Kernel::current().sysfs_objects().create_file(
        kobj, attr, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void sysfs_remove_file_ns(struct kobject* kobj, const struct attribute* attr, const void*)
{
    ksim::Kernel::current().sysfs_objects().remove_file(kobj, attr);
}

KSIM_EXPORT int sysfs_create_group(struct kobject* kobj, const struct attribute_group* group)
{
    return ksim::Kernel::current().sysfs_objects().create_group(
        kobj, group, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void sysfs_remove_group(struct kobject* kobj, const struct attribute_group* group)
{
    ksim::Kernel::current().sysfs_objects().remove_group(kobj, group);
}

// A show() method's buffer is one page.
KSIM_EXPORT int sysfs_emit(char* buf, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int length = ksim::kernel_vscnprintf(ksim::Kernel::current(), buf, 4096, fmt, args);
    va_end(args);
    return length;
}

KSIM_EXPORT int sysfs_emit_at(char* buf, int at, const char* fmt, ...)
{
    if (at < 0 || at >= 4096)
        return 0;
    va_list args;
    va_start(args, fmt);
    int length = ksim::kernel_vscnprintf(ksim::Kernel::current(), buf + at, static_cast<size_t>(4096 - at), fmt, args);
    va_end(args);
    return length;
}
