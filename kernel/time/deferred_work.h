// Timers, work items and tasklets, run when they are due by the kernel's own
// threads: ksoftirqd/0 runs timers and tasklets in softirq context, and
// kworker/0:1 runs work in process context, whatever the shell is doing.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <ksim/deferred_abi.h>

#include "mm/slab.h"

namespace ksim {

class Kernel;
class KernelTask;

// jiffies as Linux counts them: HZ per second, starting 5 minutes before
// wrapping 32 bits, so overflow bugs show early.
unsigned long jiffies_at(uint64_t ns_since_boot);
constexpr unsigned long initial_jiffies = static_cast<unsigned long>(static_cast<unsigned int>(-300 * KSIM_HZ));

class DeferredWork {
public:
    // Starts ksoftirqd/0 and kworker/0:1.
    explicit DeferredWork(Kernel& kernel);
    // Stops them; what is still armed or queued never runs.
    ~DeferredWork();
    DeferredWork(const DeferredWork&) = delete;
    DeferredWork& operator=(const DeferredWork&) = delete;

    // Returns whether the timer was pending (mod_timer's and del_timer's result).
    bool arm_timer(struct timer_list* timer, unsigned long expires, OwnerId owner);
    bool cancel_timer(const struct timer_list* timer);
    bool timer_pending(const struct timer_list* timer);

    // false if the work was queued already.
    bool queue_work(struct work_struct* work, OwnerId owner);
    bool cancel_work(const struct work_struct* work);
    bool work_pending(const struct work_struct* work);

    // A workqueue is only a name here: every queue runs on the one worker.
    struct workqueue_struct* create_workqueue(const std::string& name);
    void destroy_workqueue(struct workqueue_struct* wq);

    void schedule_tasklet(struct tasklet_struct* tasklet, OwnerId owner);
    void kill_tasklet(const struct tasklet_struct* tasklet);

    // Waits until `item` (a timer, work item or tasklet) is not running,
    // unless the caller is the thread running it: the _sync in del_timer_sync().
    void wait_until_idle(const void* item);
    // flush_work(): waits until the work item has run, if it is queued.
    bool flush(const struct work_struct* work);
    // flush_workqueue(): waits until no work is queued or running.
    void flush_all();
    // What a module left armed or queued at its unload, named for the warnings.
    std::vector<std::string> abandon(OwnerId owner);

private:
    // The code to run is copied when the item is queued: after its module
    // is gone, the item's own memory may be too.
    struct Pending {
        void* item;
        const void* code;
        OwnerId owner;
    };
    struct Timer {
        struct timer_list* timer;
        void (*function)(struct timer_list*);
        unsigned long expires;
        OwnerId owner;
    };
    void softirq_loop(KernelTask& self);
    void worker_loop(KernelTask& self);
    void run_tasklet(const Pending& pending);
    void run_timer(const Timer& timer);
    void run_work(const Pending& pending);
    bool timer_armed(const struct timer_list* timer) const;
    bool work_queued(const struct work_struct* work) const;

    Kernel& m_kernel;
    std::mutex m_lock;
    std::condition_variable m_changed; // something was queued, armed or finished
    bool m_stopping = false;
    std::vector<Timer> m_timers;
    std::deque<Pending> m_work;
    std::deque<Pending> m_tasklets;
    const void* m_softirq_item = nullptr; // what ksoftirqd runs now
    const void* m_worker_item = nullptr; // what the kworker runs now
    std::vector<std::unique_ptr<std::string>> m_workqueues; // their names; the handle is the string's address
    KernelTask* m_softirq_task = nullptr;
    KernelTask* m_worker_task = nullptr;
};

} // namespace ksim
