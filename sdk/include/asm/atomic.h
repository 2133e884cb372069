/* Older tutorials include the architecture's atomic header; atomic_t is in <linux/atomic.h>. */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/atomic.h>

#endif
