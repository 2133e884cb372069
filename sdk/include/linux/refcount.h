/* refcount_t: a reference count that refuses to wrap. As on Linux, an
 * increment from 0 (a use after free) or past the top, and a decrement
 * below 0, warn and leave the count saturated instead of wrapping. */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/printk.h>
#include <linux/types.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n) {.refs = ATOMIC_INIT(n)}
#define REFCOUNT_SATURATED (INT_MIN / 2)

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return (unsigned int)atomic_read(&r->refs);
}

/* Adds i unless the count is 0; false when it was. */
static inline __must_check bool refcount_add_not_zero(int i, refcount_t *r)
{
	int old = atomic_read(&r->refs);

	do {
		if (!old)
			return false;
	} while (!__atomic_compare_exchange_n(&r->refs.counter, &old, old + i, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	if (WARN_ONCE(old < 0 || old + i < 0, "refcount_t: saturated; leaking memory.\n"))
		refcount_set(r, REFCOUNT_SATURATED);
	return true;
}

static inline __must_check bool refcount_inc_not_zero(refcount_t *r)
{
	return refcount_add_not_zero(1, r);
}

static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_add_return(i, &r->refs) - i;

	if (WARN_ONCE(old == 0, "refcount_t: addition on 0; use-after-free.\n") ||
	    WARN_ONCE(old < 0 || old + i < 0, "refcount_t: saturated; leaking memory.\n"))
		refcount_set(r, REFCOUNT_SATURATED);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/* Subtracts i; true when that took the count to 0 (the caller frees). */
static inline __must_check bool refcount_sub_and_test(int i, refcount_t *r)
{
	int old = atomic_sub_return(i, &r->refs) + i;

	if (old == i)
		return true;
	if (WARN_ONCE(old < 0 || old - i < 0, "refcount_t: underflow; use-after-free.\n"))
		refcount_set(r, REFCOUNT_SATURATED);
	return false;
}

static inline __must_check bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

static inline void refcount_dec(refcount_t *r)
{
	if (WARN_ONCE(refcount_sub_and_test(1, r), "refcount_t: decrement hit 0; leaking memory.\n"))
		refcount_set(r, REFCOUNT_SATURATED);
}

#endif
