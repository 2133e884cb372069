/* Older tutorials include the architecture's hardirq header for in_interrupt() and friends. */
#ifndef _ASM_HARDIRQ_H
#define _ASM_HARDIRQ_H

#include <linux/hardirq.h>

#endif
