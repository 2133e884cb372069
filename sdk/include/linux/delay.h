/* Delays: ksim's kernel really waits, so timing lessons behave. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

__KSIM_BEGIN_DECLS
void msleep(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void __ksim_udelay(unsigned long usecs);
__KSIM_END_DECLS

#define udelay(n) __ksim_udelay(n)
#define ndelay(n) __ksim_udelay(((n) + 999) / 1000)
#define mdelay(n) __ksim_udelay((unsigned long)(n) * 1000)

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif
