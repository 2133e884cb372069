// nanosleep(2) (Linux's kernel/time/hrtimer.c): an hrtimer sleep that a signal ends.
#include <time.h>

#include <chrono>

#include "sched/kernel_task.h"
#include "sched/scheduler.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

long nanosleep(const struct timespec* request, struct timespec* remaining)
{
    using Clock = std::chrono::steady_clock;
    if (request->tv_sec < 0 || request->tv_nsec < 0 || request->tv_nsec > 999'999'999)
        return -EINVAL;
    auto now = Clock::now();
    // A time beyond the clock's range sleeps until a signal comes.
    auto wanted = std::chrono::duration<double>(static_cast<double>(request->tv_sec) + request->tv_nsec / 1e9);
    auto room = std::chrono::duration<double>(Clock::time_point::max() - now);
    auto deadline
        = wanted < room ? now + std::chrono::duration_cast<Clock::duration>(wanted) : Clock::time_point::max();
    KernelTask& task = caller();
    Scheduler& scheduler = Kernel::current().scheduler();
    // do_nanosleep(): sleep again after a wake-up that was not the timer, until a signal is pending.
    while (Clock::now() < deadline) {
        if (Scheduler::signal_ends_sleep(task, KSIM_TASK_INTERRUPTIBLE)) {
            if (remaining) {
                auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - Clock::now());
                remaining->tv_sec = static_cast<time_t>(left.count() / 1'000'000'000);
                remaining->tv_nsec = static_cast<long>(left.count() % 1'000'000'000);
            }
            return leave(-EINTR);
        }
        task.state().store(KSIM_TASK_INTERRUPTIBLE);
        scheduler.sleep_until(task, deadline == Clock::time_point::max() ? std::nullopt : std::optional(deadline));
    }
    return 0;
}

} // namespace ksim::sys
