/* struct cdev: a char device driver's hook into a range of device numbers. */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kobject.h>
#include <linux/list.h>

__KSIM_BEGIN_DECLS
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
__KSIM_END_DECLS

#endif
