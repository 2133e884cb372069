/* Linux splits user-visible definitions into uapi/ headers; ksim keeps them in <linux/errno.h>. */
#ifndef _KSIM_UAPI_ASM_GENERIC_ERRNO_H
#define _KSIM_UAPI_ASM_GENERIC_ERRNO_H

#include <linux/errno.h>

#endif
