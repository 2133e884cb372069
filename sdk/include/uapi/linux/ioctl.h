/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/ioctl.h>. */
#ifndef _KSIM_UAPI_LINUX_IOCTL_H
#define _KSIM_UAPI_LINUX_IOCTL_H

#include <linux/ioctl.h>

#endif
