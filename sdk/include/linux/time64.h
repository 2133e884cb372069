/* struct timespec64 and the unit constants (Linux's time64.h and vdso/time64.h). */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <ksim/lib_abi.h>
#include <linux/types.h>

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define FSEC_PER_SEC 1000000000000000LL

#define TIME64_MAX ((s64) ~((u64)1 << 63))
#define TIME64_MIN (-TIME64_MAX - 1)
#define KTIME_MAX ((s64) ~((u64)1 << 63))
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)

static inline int timespec64_equal(const struct timespec64 *a, const struct timespec64 *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* <0, 0 or >0 as a is before, at or after b. */
static inline int timespec64_compare(const struct timespec64 *a, const struct timespec64 *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	return (int)(a->tv_nsec - b->tv_nsec);
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/* Floors towards minus infinity, so tv_nsec is always 0..NSEC_PER_SEC-1. */
static inline struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts;
	s64 rem = nsec % NSEC_PER_SEC;

	ts.tv_sec = nsec / NSEC_PER_SEC;
	if (rem < 0) {
		ts.tv_sec--;
		rem += NSEC_PER_SEC;
	}
	ts.tv_nsec = (long)rem;
	return ts;
}

static inline void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec)
{
	struct timespec64 extra = ns_to_timespec64(nsec);

	ts->tv_sec = sec + extra.tv_sec;
	ts->tv_nsec = extra.tv_nsec;
}

static inline struct timespec64 timespec64_add(struct timespec64 a, struct timespec64 b)
{
	struct timespec64 sum;

	set_normalized_timespec64(&sum, a.tv_sec + b.tv_sec, (s64)a.tv_nsec + b.tv_nsec);
	return sum;
}

static inline struct timespec64 timespec64_sub(struct timespec64 a, struct timespec64 b)
{
	struct timespec64 difference;

	set_normalized_timespec64(&difference, a.tv_sec - b.tv_sec, (s64)a.tv_nsec - b.tv_nsec);
	return difference;
}

#endif
