/* Kobjects: directories under /sys, holding attribute files. */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <ksim/fs_abi.h>
#include <linux/sysfs.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
/* /sys/kernel, /sys/kernel/mm, /sys/fs and /sys/firmware */
extern struct kobject *kernel_kobj;
extern struct kobject *mm_kobj;
extern struct kobject *fs_kobj;
extern struct kobject *firmware_kobj;

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
void kobject_del(struct kobject *kobj);
const char *kobject_name(const struct kobject *kobj);
__KSIM_END_DECLS

#endif
