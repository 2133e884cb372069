/* Misc devices: one call gives a driver a minor of major 10 and a /dev node. */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/device.h>
#include <linux/fs.h>

#define MISC_DYNAMIC_MINOR 255

__KSIM_BEGIN_DECLS
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
__KSIM_END_DECLS

#endif
