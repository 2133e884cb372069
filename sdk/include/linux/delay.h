/* Delays: msleep() and friends sleep (the task gives up its CPU);
 * udelay()/mdelay() busy-wait and are allowed in atomic context. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/sched.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
void __ksim_udelay(unsigned long usecs);
__KSIM_END_DECLS

#define udelay(n) __ksim_udelay(n)
#define ndelay(n) __ksim_udelay(((n) + 999) / 1000)
#define mdelay(n) __ksim_udelay((unsigned long)(n) * 1000)

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif
