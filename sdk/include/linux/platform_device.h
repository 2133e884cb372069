/* linux/platform_device.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_PLATFORM_DEVICE_H
#define _KSIM_REFUSED_LINUX_PLATFORM_DEVICE_H

#error "ksim: no platform bus or platform devices are simulated"

#endif
