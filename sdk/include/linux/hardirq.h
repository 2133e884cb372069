/* Interrupt context tests: in_interrupt(), in_softirq(), in_irq(). */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

#endif
