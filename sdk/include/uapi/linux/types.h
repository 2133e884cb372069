/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/types.h>. */
#ifndef _KSIM_UAPI_LINUX_TYPES_H
#define _KSIM_UAPI_LINUX_TYPES_H

#include <linux/types.h>

#endif
