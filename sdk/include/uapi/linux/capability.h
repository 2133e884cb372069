/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/capability.h>. */
#ifndef _KSIM_UAPI_LINUX_CAPABILITY_H
#define _KSIM_UAPI_LINUX_CAPABILITY_H

#include <linux/capability.h>

#endif
