// Timers, work items and tasklets. ksim runs one task at a time, so deferred
// work runs whenever the kernel gets the CPU back: between shell commands,
// and while the shell sleeps (`sleep`).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <ksim/deferred_abi.h>

#include "mm/slab.h"

namespace ksim {

class Kernel;

// jiffies as Linux counts them: HZ per second, starting 5 minutes before
// wrapping 32 bits, so overflow bugs show early.
unsigned long jiffies_at(uint64_t ns_since_boot);
constexpr unsigned long initial_jiffies = static_cast<unsigned long>(static_cast<unsigned int>(-300 * KSIM_HZ));

class DeferredWork {
public:
    // Returns whether the timer was pending (mod_timer's and del_timer's result).
    bool arm_timer(struct timer_list* timer, unsigned long expires, OwnerId owner);
    bool cancel_timer(const struct timer_list* timer);
    bool timer_pending(const struct timer_list* timer) const;

    // false if the work was queued already.
    bool queue_work(struct work_struct* work, OwnerId owner);
    bool cancel_work(const struct work_struct* work);
    bool work_pending(const struct work_struct* work) const;

    // A workqueue is only a name here: every queue runs on the one worker.
    struct workqueue_struct* create_workqueue(const std::string& name);
    void destroy_workqueue(struct workqueue_struct* wq);

    void schedule_tasklet(struct tasklet_struct* tasklet, OwnerId owner);
    void kill_tasklet(const struct tasklet_struct* tasklet);

    // Runs what is due now: tasklets, expired timers (earliest first), then
    // queued work, until nothing is left to do.
    void run_due(Kernel& kernel);
    // Runs one work item now if it is queued (flush_work).
    void flush(Kernel& kernel, const struct work_struct* work);
    // Nanoseconds since boot of the next timer, or 0 if none is armed.
    uint64_t next_timer_ns(const Kernel& kernel) const;
    // What a module left armed or queued at its unload; dropped, with warnings.
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
    void run_work(Kernel& kernel, const Pending& pending);

    std::vector<Timer> m_timers;
    std::deque<Pending> m_work;
    std::deque<Pending> m_tasklets;
    std::vector<std::unique_ptr<std::string>> m_workqueues; // their names; the handle is the string's address
    bool m_running = false; // deferred work does not nest
};

} // namespace ksim
