// The soft-lockup detector, as Linux's kernel/watchdog.c: a task that runs
// module code without scheduling for 2 * watchdog_thresh seconds is reported
// ("watchdog: BUG: soft lockup - CPU#0 stuck for 5s! [insmod:100]") with the
// registers of the code it was running, and again each period it stays stuck.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace ksim {

class Kernel;
class KernelTask;

// Linux's default is 10 (a report after 20 s); ksim's is short so a learner
// sees the report while the module still spins.
constexpr long default_watchdog_thresh = 2;
constexpr long max_watchdog_thresh = 60; // the sysctl's extra2

// get_timestamp(): running_clock() >> 30, "seconds, approximately".
constexpr uint64_t watchdog_timestamp(uint64_t ns)
{
    return ns >> 30;
}

// The hrtimer's period: five chances per threshold (sample_period).
constexpr uint64_t watchdog_sample_period_ns(long thresh)
{
    return static_cast<uint64_t>(2 * thresh) * (1'000'000'000 / 5);
}

// is_softlockup(): how long the task has been stuck (in timestamp units),
// once the report period starting at `period_ts` has passed the threshold;
// 0 if it has not, or the detector is off (thresh 0).
constexpr uint64_t softlockup_duration(uint64_t now, uint64_t touch_ts, uint64_t period_ts, long thresh)
{
    return thresh > 0 && now > period_ts + static_cast<uint64_t>(2 * thresh) ? now - touch_ts : 0;
}

class SoftLockupWatchdog {
public:
    // Publishes /proc/sys/kernel/watchdog_thresh and starts the watchdog's timer.
    explicit SoftLockupWatchdog(Kernel& kernel);
    ~SoftLockupWatchdog();
    SoftLockupWatchdog(const SoftLockupWatchdog&) = delete;
    SoftLockupWatchdog& operator=(const SoftLockupWatchdog&) = delete;

private:
    // The per-CPU watchdog hrtimer (watchdog_timer_fn), for every task at
    // once. It is no task: it interrupts them, so it shows in no ps listing.
    void run();
    void check(long thresh);
    void report(KernelTask& task, uint64_t duration);
    uint64_t now() const;

    Kernel& m_kernel;
    const uint64_t m_boot_ns; // running_clock() counts from boot
    std::mutex m_lock;
    std::condition_variable m_changed; // a new threshold, or the kernel stopping
    long m_thresh = default_watchdog_thresh;
    bool m_reconfigured = false;
    bool m_stopping = false;
    std::thread m_timer;
};

} // namespace ksim
