/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/time64.h>. */
#ifndef _KSIM_UAPI_LINUX_TIME_H
#define _KSIM_UAPI_LINUX_TIME_H

#include <linux/time64.h>

#endif
