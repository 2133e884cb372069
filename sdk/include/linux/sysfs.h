/* sysfs attribute files: show() fills one page, store() takes what was written. */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <ksim/fs_abi.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/types.h>

/* The mode is checked at build time, as module_param's (VERIFY_OCTAL_PERMISSIONS). */
#define __ATTR(_name, _mode, _show, _store)                                             \
	{                                                                               \
		.attr = {.name = __stringify(_name), .mode = VERIFY_OCTAL_PERMISSIONS(_mode) }, \
		.show = _show, .store = _store,                                         \
	}
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RO_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, NULL)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)

__KSIM_BEGIN_DECLS
int sysfs_create_file_ns(struct kobject *kobj, const struct attribute *attr, const void *ns);
void sysfs_remove_file_ns(struct kobject *kobj, const struct attribute *attr, const void *ns);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);
int sysfs_emit_at(char *buf, int at, const char *fmt, ...) __printf(3, 4);
__KSIM_END_DECLS

static inline int __must_check sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	return sysfs_create_file_ns(kobj, attr, NULL);
}

static inline void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	sysfs_remove_file_ns(kobj, attr, NULL);
}

#endif
