/* The clocks: CLOCK_MONOTONIC counts from boot (the clock dmesg's stamps use),
 * CLOCK_REALTIME is the wall clock. ksim never suspends, so boot time is
 * monotonic time; TAI is real time, as on a Linux whose TAI offset is unset. */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/compiler.h>
#include <linux/time64.h>
#include <linux/types.h>

enum tk_offsets {
	TK_OFFS_REAL,
	TK_OFFS_BOOT,
	TK_OFFS_TAI,
	TK_OFFS_MAX,
};

__KSIM_BEGIN_DECLS
ktime_t ktime_get(void);
ktime_t ktime_get_raw(void);
ktime_t ktime_get_with_offset(enum tk_offsets offs);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_coarse_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
__KSIM_END_DECLS

static inline ktime_t ktime_get_real(void)
{
	return ktime_get_with_offset(TK_OFFS_REAL);
}

static inline ktime_t ktime_get_boottime(void)
{
	return ktime_get_with_offset(TK_OFFS_BOOT);
}

static inline ktime_t ktime_get_clocktai(void)
{
	return ktime_get_with_offset(TK_OFFS_TAI);
}

static inline u64 ktime_get_ns(void)
{
	return (u64)ktime_get();
}

static inline u64 ktime_get_real_ns(void)
{
	return (u64)ktime_get_real();
}

static inline u64 ktime_get_boottime_ns(void)
{
	return (u64)ktime_get_boottime();
}

static inline u64 ktime_get_raw_ns(void)
{
	return (u64)ktime_get_raw();
}

static inline void ktime_get_boottime_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_boottime());
}

#endif
