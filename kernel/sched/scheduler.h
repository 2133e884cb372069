// The scheduler: every task, which one the calling thread runs, and how tasks sleep and wake.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <optional>
#include <mutex>
#include <vector>

#include "core/error_or.h"
#include "sched/kernel_task.h"

namespace ksim {

// MAX_SCHEDULE_TIMEOUT: sleep until woken.
constexpr long max_schedule_timeout = 0x7fffffffffffffffL;

// Each task is a host thread; the host's scheduler decides which run, so a
// task that spins forever never stops the others (Linux's preemption). The
// kernel keeps what Linux's scheduler keeps that a module can observe: task
// states, sleeping and waking, signals, and which CPU a task is on.
class Scheduler {
public:
    explicit Scheduler(int cpus);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    int cpus() const { return m_cpus; }

    // init_task: pid 0, swapper/0, the head of the task list.
    KernelTask& init_task() { return *m_init; }
    // A new task in the task list, child of `parent`, on a CPU of its own
    // (or on its parent's, for a child that runs on its parent's thread).
    std::shared_ptr<KernelTask> create_task(
        Task identity, unsigned flags, KernelTask* parent, bool on_parent_cpu = false);
    // Takes a task that has ended out of the list.
    void release_task(KernelTask& task);
    int allocate_pid();
    // User processes start at `pid`; the lower ones are the boot's kernel threads.
    void start_user_pids_at(int pid);
    std::shared_ptr<KernelTask> find(int pid) const;
    std::vector<std::shared_ptr<KernelTask>> tasks() const;

    // The task whose code `pid`'s thread runs now: the vfork child it
    // waits for (and that child's, and so on), or the task itself; null if
    // there is no task `pid`.
    std::shared_ptr<KernelTask> running_on_thread_of(int pid) const;

    // The task the calling thread runs, or null for a thread the kernel never saw.
    static KernelTask* current();
    static void set_current(KernelTask* task);

    // schedule_timeout(): sleeps the current task until its state is
    // TASK_RUNNING again, a signal its state lets through arrives, or
    // `timeout` jiffies pass; returns the jiffies left (0 when it timed out).
    long sleep(KernelTask& task, long timeout);
    // schedule_hrtimeout(): the same sleep, to a deadline on the steady clock
    // rather than in jiffies (none: until woken).
    void sleep_until(KernelTask& task, std::optional<std::chrono::steady_clock::time_point> deadline);
    // A wait of the kernel's own on the host (kthread_stop(), flush_work()):
    // the calling task sleeps in TASK_UNINTERRUPTIBLE until `done`, as Linux's
    // wait_for_completion() does, so ps shows D, khungtaskd may report it and
    // the soft-lockup watchdog does not take it for spinning.
    template <typename Predicate>
    static void wait_uninterruptible(
        std::condition_variable& changed, std::unique_lock<std::mutex>& lock, Predicate done)
    {
        KernelTask* task = current();
        if (!task || done())
            return changed.wait(lock, done);
        unsigned before = task->state().exchange(KSIM_TASK_UNINTERRUPTIBLE);
        ++task->switch_count;
        changed.wait(lock, done);
        task->state().store(before);
        touch_softlockup_watchdog(*task);
    }
    // try_to_wake_up(): wakes `task` if its state is in `states`.
    static bool wake(KernelTask& task, unsigned states);
    // A signal is pending that ends a sleep in `state` (signal_pending_state()).
    static bool signal_ends_sleep(KernelTask& task, unsigned state);
    // The lowest pending signal whose default action ends a process, or 0.
    static int pending_fatal_signal(const KernelTask& task);
    // kill(2): `sender` sends `signal` to the task `pid`; ESRCH if there is
    // none, EPERM if the sender may not. Kernel threads ignore signals.
    ErrorOr<void> kill(int pid, int signal, const Task& sender);
    // kill(-pgid): sends `signal` to every task of process group `pgid`; false if it has none.
    bool signal_group(int pgid, int signal);
    // Sends `signal`; a sleep the signal may interrupt ends.
    static void send_signal(KernelTask& task, int signal);

private:
    int m_cpus;
    mutable std::mutex m_lock; // tasklist_lock
    std::shared_ptr<KernelTask> m_init;
    std::vector<std::shared_ptr<KernelTask>> m_tasks;
    int m_next_pid = 2;
    int m_next_cpu = 0;
};

} // namespace ksim
