// A task as the scheduler keeps it: the task_struct modules see, who the task is, and where it sleeps.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>
#include <cstdint>

#include <ksim/sched_abi.h>

#include "core/task.h"
#include "sched/module_code.h"

namespace ksim {

struct KthreadState;
class FileTable;

// A lock the task holds, as lockdep records it (held_locks[]).
struct HeldLock {
    const void* instance;
    int class_id;
    uintptr_t ip; // where it was taken
    bool read;
    bool trylock;
};

class KernelTask {
public:
    // `external` is the task_struct to use instead of the task's own (init_task's is an exported symbol).
    explicit KernelTask(Task identity, struct task_struct* external = nullptr);
    ~KernelTask();
    KernelTask(const KernelTask&) = delete;
    KernelTask& operator=(const KernelTask&) = delete;

    // What `current` points to.
    struct task_struct& abi() { return *m_abi; }
    const struct task_struct& abi() const { return *m_abi; }
    const Task& identity() const { return m_identity; }
    // A new pid, comm and credentials: the shell's task runs each command as a new process.
    void set_identity(Task identity);
    // When the task's current process started, on the steady clock (/proc/PID/stat's starttime).
    std::chrono::steady_clock::time_point started() const;

    std::atomic_ref<unsigned> state() { return std::atomic_ref<unsigned>(m_abi->__state); }
    // The state as another task sees it (/proc/PID/stat).
    unsigned read_state() const { return std::atomic_ref<unsigned>(m_abi->__state).load(); }
    bool in_atomic() const { return m_abi->preempt_count != 0; }

    // Signals 1..64: a bit each (bit N-1, as Linux's sigset); task_struct's sigpending mirrors "any".
    void raise_signal(int signal);
    bool signal_pending(int signal) const
    {
        return signal >= 1 && signal <= 64 && ((m_signals.load() >> (signal - 1)) & 1);
    }
    void clear_signals();

    // A task sleeps on its own condition variable until its state is
    // TASK_RUNNING again (set by whoever woke it), a signal it may take
    // arrives, or its time runs out.
    std::mutex sleep_lock;
    std::condition_variable wakeup;

    // The Oops that killed the task's current process, until the shell asks (Kernel::take_death_of).
    int death = 0;
    int dead_pid = -1;

    // The module code the task runs, if any: the kernel functions that
    // called into it, and the soft-lockup watchdog's record.
    ModuleCodeState module_code;
    // Where preemption was last disabled (the spin_lock call), for
    // "Preemption disabled at:".
    uintptr_t preempt_disable_ip = 0;
    // Context switches (nvcsw): how many times the task went to sleep.
    std::atomic<unsigned long> switch_count {0};
    // khungtaskd's own record: the switch count it last saw, and since when.
    unsigned long hung_check_switch_count = 0;
    uint64_t hung_check_since_ns = 0;
    // The locks the task holds, oldest first; guarded by Lockdep's lock.
    std::vector<HeldLock> held_locks;

    // The process group a job's processes share (kill %1 signals them all); 0 for none.
    std::atomic<int> pgid {0};

    // The process's kernel file descriptors: shared with the task that made it (CLONE_FILES).
    std::shared_ptr<FileTable> files;
    // vfork(): the child this task's thread runs while the task waits for it
    // to exit (its pid is what the terminal's Ctrl-C looks up), and the
    // wait statuses of children that exited, until wait4() takes them. Only
    // the task's own thread changes them.
    std::shared_ptr<KernelTask> vfork_child;
    std::atomic<int> vfork_child_pid {0};
    std::vector<std::pair<int, int>> exited_children; // pid, wait status
    // A kernel thread's own state (kthread_should_stop(), its result); null for other tasks.
    std::unique_ptr<KthreadState> kthread;

private:
    struct task_struct m_own_abi { };
    struct task_struct* m_abi;
    Task m_identity;
    std::atomic<uint64_t> m_signals {0};
    std::atomic<std::chrono::steady_clock::rep> m_started {0};
};

// The kernel's side of a task_struct a module hands back (wake_up_process(p)).
inline KernelTask& kernel_task_of(struct task_struct* task)
{
    return *static_cast<KernelTask*>(task->ksim_task);
}

} // namespace ksim
