/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/stat.h>. */
#ifndef _KSIM_UAPI_LINUX_STAT_H
#define _KSIM_UAPI_LINUX_STAT_H

#include <linux/stat.h>

#endif
