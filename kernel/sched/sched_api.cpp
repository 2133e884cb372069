// The scheduler's module API: current, schedule(), waking a task, signals and sleeping delays.
#include <cerrno>
#include <chrono>
#include <thread>

#include <ksim/deferred_abi.h>
#include <ksim/sched_abi.h>

#include "core/export.h"
#include "core/kernel.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"

// The idle task of CPU 0 and the head of the task list (for_each_process).
extern "C" {
__attribute__((visibility("default"))) struct task_struct init_task;
}

namespace {

ksim::KernelTask& running_task()
{
    return *ksim::Scheduler::current();
}

long sleep_current(long timeout)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::schedule_while_atomic(kernel);
    return kernel.scheduler().sleep(running_task(), timeout);
}

long msecs_to_jiffies_rounded_up(unsigned int msecs)
{
    return (static_cast<long>(msecs) * KSIM_HZ + 999) / 1000;
}

} // namespace

KSIM_EXPORT struct task_struct* get_current(void)
{
    return &running_task().abi();
}

KSIM_EXPORT void __might_sleep(const char* file, int line)
{
    ksim::might_sleep_at(ksim::Kernel::current(), file, line);
}

KSIM_EXPORT void schedule(void)
{
    sleep_current(ksim::max_schedule_timeout);
}

KSIM_EXPORT long schedule_timeout(long timeout)
{
    return sleep_current(timeout);
}

KSIM_EXPORT long schedule_timeout_interruptible(long timeout)
{
    running_task().state().store(KSIM_TASK_INTERRUPTIBLE);
    return sleep_current(timeout);
}

KSIM_EXPORT long schedule_timeout_killable(long timeout)
{
    running_task().state().store(KSIM_TASK_WAKEKILL | KSIM_TASK_UNINTERRUPTIBLE);
    return sleep_current(timeout);
}

KSIM_EXPORT long schedule_timeout_uninterruptible(long timeout)
{
    running_task().state().store(KSIM_TASK_UNINTERRUPTIBLE);
    return sleep_current(timeout);
}

KSIM_EXPORT int wake_up_process(struct task_struct* task)
{
    return ksim::Scheduler::wake(ksim::kernel_task_of(task), KSIM_TASK_INTERRUPTIBLE | KSIM_TASK_UNINTERRUPTIBLE);
}

KSIM_EXPORT int wake_up_state(struct task_struct* task, unsigned int state)
{
    return ksim::Scheduler::wake(ksim::kernel_task_of(task), state);
}

// The host preempts; a voluntary reschedule only lets another thread in.
// It is a scheduling point all the same: the soft-lockup watchdog is satisfied.
KSIM_EXPORT int __cond_resched(void)
{
    std::this_thread::yield();
    ksim::touch_softlockup_watchdog(running_task());
    return 0;
}

KSIM_EXPORT void yield(void)
{
    std::this_thread::yield();
    ksim::touch_softlockup_watchdog(running_task());
}

KSIM_EXPORT int send_sig(int signal, struct task_struct* task, int)
{
    ksim::Scheduler::send_signal(ksim::kernel_task_of(task), signal);
    return 0;
}

// msleep() has no might_sleep(): under a spinlock it is schedule() that
// reports "scheduling while atomic".
KSIM_EXPORT void msleep(unsigned int msecs)
{
    long timeout = msecs_to_jiffies_rounded_up(msecs) + 1;
    while (timeout > 0)
        timeout = schedule_timeout_uninterruptible(timeout);
}

KSIM_EXPORT unsigned long msleep_interruptible(unsigned int msecs)
{
    long timeout = msecs_to_jiffies_rounded_up(msecs) + 1;
    while (timeout > 0 && !running_task().abi().sigpending)
        timeout = schedule_timeout_interruptible(timeout);
    return static_cast<unsigned long>(timeout) * 1000 / KSIM_HZ;
}

KSIM_EXPORT void usleep_range_state(unsigned long min, unsigned long, unsigned int state)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::schedule_while_atomic(kernel);
    // Shorter than a jiffy: an hrtimer sleep, not the timer wheel.
    ksim::KernelTask& task = running_task();
    task.state().store(state);
    std::this_thread::sleep_for(std::chrono::microseconds(min));
    task.state().store(KSIM_TASK_RUNNING);
    ksim::touch_softlockup_watchdog(task);
}

// udelay() and mdelay() busy-wait on Linux and are allowed in atomic context;
// the task keeps running, so sleeping the host thread looks the same.
KSIM_EXPORT void __ksim_udelay(unsigned long usecs)
{
    std::this_thread::sleep_for(std::chrono::microseconds(usecs));
}

KSIM_EXPORT unsigned int __ksim_num_online_cpus(void)
{
    return static_cast<unsigned int>(ksim::Kernel::current().scheduler().cpus());
}
