/* Device classes and devices: what makes udev (here devtmpfs) create /dev nodes.
 * In C++ the type Linux calls `struct class` is `struct ksim_class`. */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <ksim/fs_abi.h>
#include <linux/err.h>
#include <linux/kdev_t.h>
#include <linux/kobject.h>
#include <linux/printk.h>
#include <linux/sysfs.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
struct KSIM_CLASS *__class_create(struct module *owner, const char *name, void *key);
void class_destroy(struct KSIM_CLASS *cls);
struct device *device_create(struct KSIM_CLASS *cls, struct device *parent, dev_t devt, void *drvdata,
			     const char *fmt, ...) __printf(5, 6);
void device_destroy(struct KSIM_CLASS *cls, dev_t devt);
__KSIM_END_DECLS

__KSIM_BEGIN_DECLS
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
__KSIM_END_DECLS

#define DEVICE_ATTR(_name, _mode, _show, _store) struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

/* Linux 6.1's signature; 6.4 dropped the owner argument. */
#define class_create(owner, name) __class_create(owner, name, NULL)

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline const char *dev_name(const struct device *dev)
{
	return dev->kobj.name;
}

/* A class device has no driver: dev_printk() shows its class's name. */
static inline const char *dev_driver_string(const struct device *dev)
{
	return dev->KSIM_CLASS ? dev->KSIM_CLASS->name : "";
}

#define dev_printk(level, dev, fmt, ...) \
	_printk(level "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) ((void)(dev), (void)(fmt))

#endif
