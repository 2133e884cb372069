/* Integer base-2 logarithms and powers of two. */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/types.h>

/* Undefined for 0, as Linux's. */
#define ilog2(n) ((int)(sizeof(n) <= 4 ? 31 - __builtin_clz((u32)(n)) : 63 - __builtin_clzll((u64)(n))))

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* n >= 1. */
static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1UL : 1UL << (64 - __builtin_clzl(n - 1));
}

static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (63 - __builtin_clzl(n));
}

#define order_base_2(n) ((n) > 1 ? ilog2((n)-1) + 1 : 0)

#endif
