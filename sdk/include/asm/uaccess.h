/* Older tutorials include the architecture's uaccess header; the calls are in <linux/uaccess.h>. */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/uaccess.h>

#endif
