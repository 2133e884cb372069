// Timekeeping as modules read it (kernel/time/timekeeping.c's interface):
// CLOCK_MONOTONIC counts from ksim's boot on the clock printk stamps records
// with, so ktime_get() and dmesg's timestamps agree; CLOCK_REALTIME is the
// host's wall clock. ksim never suspends, so boot time equals monotonic
// time, and TAI equals real time, as on a Linux whose TAI offset was never set.
#include <cstdint>
#include <ctime>

#include <ksim/lib_abi.h>

#include "core/export.h"
#include "core/kernel.h"

namespace {

constexpr long long nsec_per_sec = 1000000000LL;

// Linux's enum tk_offsets.
enum TimekeepingOffset { offset_real = 0, offset_boot = 1, offset_tai = 2 };

long long monotonic_ns()
{
    return static_cast<long long>(ksim::Kernel::current().log().now_ns());
}

long long real_ns()
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<long long>(now.tv_sec) * nsec_per_sec + now.tv_nsec;
}

void to_timespec64(long long ns, timespec64* ts)
{
    ts->tv_sec = ns / nsec_per_sec;
    ts->tv_nsec = static_cast<long>(ns % nsec_per_sec);
}

} // namespace

KSIM_EXPORT long long ktime_get(void)
{
    return monotonic_ns();
}

KSIM_EXPORT long long ktime_get_raw(void)
{
    return monotonic_ns();
}

KSIM_EXPORT long long ktime_get_with_offset(int offset)
{
    return offset == offset_boot ? monotonic_ns() : real_ns();
}

KSIM_EXPORT void ktime_get_ts64(timespec64* ts)
{
    to_timespec64(monotonic_ns(), ts);
}

KSIM_EXPORT void ktime_get_real_ts64(timespec64* ts)
{
    to_timespec64(real_ns(), ts);
}

KSIM_EXPORT void ktime_get_coarse_ts64(timespec64* ts)
{
    to_timespec64(monotonic_ns(), ts);
}

KSIM_EXPORT void ktime_get_coarse_real_ts64(timespec64* ts)
{
    to_timespec64(real_ns(), ts);
}

KSIM_EXPORT long long ktime_get_seconds(void)
{
    return monotonic_ns() / nsec_per_sec;
}

KSIM_EXPORT long long ktime_get_real_seconds(void)
{
    return real_ns() / nsec_per_sec;
}
