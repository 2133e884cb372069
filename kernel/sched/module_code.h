// A task's passage through module code: the kernel entry points that called
// in (the end of its call traces), and what the soft-lockup watchdog reads of
// it from another thread.
#pragma once

#include <pthread.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <mutex>

namespace ksim {

class KernelTask;
class ModuleCodeScope;
struct TaskSample;

struct ModuleCodeState {
    std::atomic<ModuleCodeScope*> innermost {nullptr};
    std::atomic<int> depth {0};
    // watchdog_touch_ts: when the task last scheduled or came in from user space (steady clock, ns).
    std::atomic<uint64_t> touch_ns {0};
    // The host thread that runs the task, for the sampling signal.
    std::atomic<pthread_t> host_thread {};
    // A sample of the task (task_sample.h) on its way: the sampler holds the
    // lock, so the thread cannot leave module code and end meanwhile.
    std::mutex sampling;
    std::atomic<TaskSample*> sample {nullptr};
    std::atomic<bool> sample_wanted {false};
    std::atomic<bool> sample_ready {false};
    // The watchdog's own record: the touch it last saw, and watchdog_report_ts (in 2^30 ns units).
    uint64_t seen_touch_ns = 0;
    uint64_t report_ts = 0;
};

// The kernel calling into a module (Kernel::run_module_code): the task is in
// module code until the scope ends. Coming in from user space counts as
// scheduling for the watchdog, as the return to user space that preceded it.
// The scope keeps `entry_frames` by reference: their array must outlive it
// (call_module's parameter does; a braced list written at the constructor
// call does not, its array dies with that statement).
class ModuleCodeScope {
public:
    ModuleCodeScope(KernelTask& task, std::initializer_list<const char*> entry_frames);
    ~ModuleCodeScope();
    ModuleCodeScope(const ModuleCodeScope&) = delete;
    ModuleCodeScope& operator=(const ModuleCodeScope&) = delete;

    // The kernel functions that called into the module, innermost first.
    std::initializer_list<const char*> entry_frames() const { return m_entry_frames; }

private:
    KernelTask& m_task;
    ModuleCodeScope* m_outer;
    std::initializer_list<const char*> m_entry_frames;
};

// kthread_exit() jumps out of every scope at once.
void leave_all_module_code(KernelTask& task);

// touch_softlockup_watchdog(): the task scheduled (slept, yielded, cond_resched()).
void touch_softlockup_watchdog(KernelTask& task);

// The clock the watchdog's timestamps use.
uint64_t steady_ns();

} // namespace ksim
