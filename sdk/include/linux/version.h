/* The kernel version modules are built against: ksim speaks Linux 6.1.0. */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 1
#define LINUX_VERSION_SUBLEVEL 0
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 1, 0)
#define UTS_RELEASE "6.1.0-ksim"

#endif
