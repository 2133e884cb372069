/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/fcntl.h>. */
#ifndef _KSIM_UAPI_LINUX_FCNTL_H
#define _KSIM_UAPI_LINUX_FCNTL_H

#include <linux/fcntl.h>

#endif
