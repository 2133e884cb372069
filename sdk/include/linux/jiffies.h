/* jiffies: the tick count, HZ per second (250, as Debian's kernel). */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <ksim/deferred_abi.h>
#include <linux/time64.h>
#include <linux/types.h>

#define HZ KSIM_HZ

__KSIM_BEGIN_DECLS
unsigned long __ksim_jiffies(void);
__KSIM_END_DECLS

/* Read it as Linux's variable; it advances with the clock. */
#define jiffies __ksim_jiffies()

/* Comparisons that survive the counter wrapping around. */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return (m + (MSEC_PER_SEC / HZ) - 1) / (MSEC_PER_SEC / HZ);
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return (u + (USEC_PER_SEC / HZ) - 1) / (USEC_PER_SEC / HZ);
}

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)(j * (MSEC_PER_SEC / HZ));
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)(j * (USEC_PER_SEC / HZ));
}

static inline u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * (NSEC_PER_SEC / HZ);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)(n / (NSEC_PER_SEC / HZ));
}

/* jiffies is 64 bits wide on x86_64, so jiffies_64 is the same count. */
static inline u64 get_jiffies_64(void)
{
	return jiffies;
}

#define jiffies_64 get_jiffies_64()
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))

#endif
