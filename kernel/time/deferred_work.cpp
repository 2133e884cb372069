// Timers, work items and tasklets (see deferred_work.h).
#include "time/deferred_work.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "core/kernel.h"
#include "sched/atomic_sleep.h"
#include "sched/kthread.h"
#include "sched/scheduler.h"

namespace ksim {

namespace {

constexpr auto tick = std::chrono::nanoseconds(1'000'000'000 / KSIM_HZ);

// A module's callback crashing in softirq context takes the machine down on
// Linux; ksim reports it and carries on.
void panic_in_interrupt(Kernel& kernel)
{
    kernel.log().log(0, "Kernel panic - not syncing: Fatal exception in interrupt");
    kernel.log().log(0, "---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---");
}

// Softirq context: in_softirq() and in_interrupt() are true, sleeping is a bug.
class SoftirqContext {
public:
    explicit SoftirqContext(KernelTask& task)
        : m_task(task)
    {
        m_task.abi().preempt_count += softirq_offset;
    }
    ~SoftirqContext() { m_task.abi().preempt_count -= softirq_offset; }
    SoftirqContext(const SoftirqContext&) = delete;
    SoftirqContext& operator=(const SoftirqContext&) = delete;

private:
    KernelTask& m_task;
};

} // namespace

unsigned long jiffies_at(uint64_t ns_since_boot)
{
    return initial_jiffies + static_cast<unsigned long>(ns_since_boot / (1'000'000'000 / KSIM_HZ));
}

DeferredWork::DeferredWork(Kernel& kernel)
    : m_kernel(kernel)
{
    m_softirq_task
        = &kernel.kthreads().start_kernel_thread("ksoftirqd/0", 0, [this] { softirq_loop(*Scheduler::current()); });
    m_worker_task
        = &kernel.kthreads().start_kernel_thread("kworker/0:1", 0, [this] { worker_loop(*Scheduler::current()); });
    // Boot goes on once both wait for their first job, as smpboot waits for its threads to park:
    // from the first command on, ps sees them asleep.
    while (m_softirq_task->read_state() == KSIM_TASK_RUNNING || m_worker_task->read_state() == KSIM_TASK_RUNNING)
        std::this_thread::yield();
}

DeferredWork::~DeferredWork()
{
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
        m_changed.notify_all();
    }
    m_kernel.kthreads().stop(*m_softirq_task);
    m_kernel.kthreads().stop(*m_worker_task);
}

bool DeferredWork::arm_timer(struct timer_list* timer, unsigned long expires, OwnerId owner)
{
    std::lock_guard lock(m_lock);
    bool was_pending = std::erase_if(m_timers, [&](const Timer& t) { return t.timer == timer; }) > 0;
    timer->expires = expires;
    m_timers.push_back({timer, timer->function, expires, owner});
    m_changed.notify_all();
    return was_pending;
}

bool DeferredWork::cancel_timer(const struct timer_list* timer)
{
    std::lock_guard lock(m_lock);
    return std::erase_if(m_timers, [&](const Timer& t) { return t.timer == timer; }) > 0;
}

bool DeferredWork::timer_armed(const struct timer_list* timer) const
{
    return std::any_of(m_timers.begin(), m_timers.end(), [&](const Timer& t) { return t.timer == timer; });
}

bool DeferredWork::timer_pending(const struct timer_list* timer)
{
    std::lock_guard lock(m_lock);
    return timer_armed(timer);
}

bool DeferredWork::work_queued(const struct work_struct* work) const
{
    return std::any_of(m_work.begin(), m_work.end(), [&](const Pending& p) { return p.item == work; });
}

bool DeferredWork::queue_work(struct work_struct* work, OwnerId owner)
{
    std::lock_guard lock(m_lock);
    if (work_queued(work))
        return false;
    m_work.push_back({work, reinterpret_cast<const void*>(work->func), owner});
    m_changed.notify_all();
    return true;
}

bool DeferredWork::cancel_work(const struct work_struct* work)
{
    std::lock_guard lock(m_lock);
    return std::erase_if(m_work, [&](const Pending& p) { return p.item == work; }) > 0;
}

bool DeferredWork::work_pending(const struct work_struct* work)
{
    std::lock_guard lock(m_lock);
    return work_queued(work);
}

struct workqueue_struct* DeferredWork::create_workqueue(const std::string& name)
{
    std::lock_guard lock(m_lock);
    m_workqueues.push_back(std::make_unique<std::string>(name));
    return reinterpret_cast<struct workqueue_struct*>(m_workqueues.back().get());
}

void DeferredWork::destroy_workqueue(struct workqueue_struct* wq)
{
    flush_all();
    std::lock_guard lock(m_lock);
    std::erase_if(m_workqueues, [&](const auto& name) { return reinterpret_cast<void*>(name.get()) == wq; });
}

void DeferredWork::schedule_tasklet(struct tasklet_struct* tasklet, OwnerId owner)
{
    std::lock_guard lock(m_lock);
    if (std::any_of(m_tasklets.begin(), m_tasklets.end(), [&](const Pending& p) { return p.item == tasklet; }))
        return; // already scheduled: it runs once
    const void* code = tasklet->use_callback ? reinterpret_cast<const void*>(tasklet->callback)
                                             : reinterpret_cast<const void*>(tasklet->func);
    m_tasklets.push_back({tasklet, code, owner});
    m_changed.notify_all();
}

void DeferredWork::kill_tasklet(const struct tasklet_struct* tasklet)
{
    {
        std::lock_guard lock(m_lock);
        std::erase_if(m_tasklets, [&](const Pending& p) { return p.item == tasklet; });
    }
    wait_until_idle(tasklet);
}

void DeferredWork::wait_until_idle(const void* item)
{
    KernelTask* caller = Scheduler::current();
    if (caller == m_softirq_task || caller == m_worker_task)
        return; // the item's own callback: waiting for itself would never end
    std::unique_lock lock(m_lock);
    Scheduler::wait_uninterruptible(m_changed, lock, [&] { return m_softirq_item != item && m_worker_item != item; });
}

bool DeferredWork::flush(const struct work_struct* work)
{
    if (Scheduler::current() == m_worker_task)
        return false;
    std::unique_lock lock(m_lock);
    bool pending = work_queued(work) || m_worker_item == work;
    Scheduler::wait_uninterruptible(m_changed, lock, [&] { return !work_queued(work) && m_worker_item != work; });
    return pending;
}

void DeferredWork::flush_all()
{
    if (Scheduler::current() == m_worker_task)
        return;
    std::unique_lock lock(m_lock);
    Scheduler::wait_uninterruptible(m_changed, lock, [&] { return m_work.empty() && m_worker_item == nullptr; });
}

void DeferredWork::run_tasklet(const Pending& pending)
{
    auto* tasklet = static_cast<struct tasklet_struct*>(pending.item);
    std::initializer_list<const char*> frames {"tasklet_action_common.constprop.0+0xc0/0xf0", "__do_softirq+0xcb/0x2ab",
        "run_ksoftirqd+0x2b/0x40", "smpboot_thread_fn+0xd9/0x1d0", "kthread+0xe9/0x110", "ret_from_fork+0x22/0x30"};
    auto ran = tasklet->use_callback
        ? m_kernel.call_module(
            ModuleFunction(reinterpret_cast<void (*)(struct tasklet_struct*)>(const_cast<void*>(pending.code))), frames,
            tasklet)
        : m_kernel.call_module(
            ModuleFunction(reinterpret_cast<void (*)(unsigned long)>(const_cast<void*>(pending.code))), frames,
            tasklet->data);
    if (ran.is_error())
        panic_in_interrupt(m_kernel);
}

void DeferredWork::run_timer(const Timer& timer)
{
    auto ran = m_kernel.call_module(ModuleFunction(timer.function),
        {"call_timer_fn+0x27/0x130", "__run_timers.part.0+0x1e8/0x280", "run_timer_softirq+0x3a/0x80",
            "__do_softirq+0xcb/0x2ab", "run_ksoftirqd+0x2b/0x40", "smpboot_thread_fn+0xd9/0x1d0", "kthread+0xe9/0x110",
            "ret_from_fork+0x22/0x30"},
        timer.timer);
    if (ran.is_error())
        panic_in_interrupt(m_kernel);
}

void DeferredWork::run_work(const Pending& pending)
{
    auto* work = static_cast<struct work_struct*>(pending.item);
    ModuleFunction func(reinterpret_cast<void (*)(struct work_struct*)>(const_cast<void*>(pending.code)));
    // A worker that dies is replaced; nobody waits for its status.
    (void)m_kernel.call_module(func,
        {"process_one_work+0x1c7/0x380", "worker_thread+0x4d/0x380", "kthread+0xe9/0x110", "ret_from_fork+0x22/0x30"},
        work);
}

void DeferredWork::softirq_loop(KernelTask& self)
{
    std::unique_lock lock(m_lock);
    while (!m_stopping) {
        if (!m_tasklets.empty()) {
            Pending pending = m_tasklets.front();
            m_tasklets.pop_front();
            m_softirq_item = pending.item;
            lock.unlock();
            {
                SoftirqContext softirq(self);
                run_tasklet(pending);
            }
            lock.lock();
            m_softirq_item = nullptr;
            m_changed.notify_all();
            continue;
        }
        unsigned long now = jiffies_at(m_kernel.log().now_ns());
        auto due = std::min_element(m_timers.begin(), m_timers.end(),
            [](const Timer& a, const Timer& b) { return static_cast<long>(a.expires - b.expires) < 0; });
        if (due != m_timers.end() && static_cast<long>(now - due->expires) >= 0) {
            Timer timer = *due;
            m_timers.erase(due);
            m_softirq_item = timer.timer;
            lock.unlock();
            {
                SoftirqContext softirq(self);
                run_timer(timer);
            }
            lock.lock();
            m_softirq_item = nullptr;
            m_changed.notify_all();
            continue;
        }
        self.state().store(KSIM_TASK_INTERRUPTIBLE);
        if (due == m_timers.end())
            m_changed.wait(lock);
        else
            m_changed.wait_for(lock, static_cast<long>(due->expires - now) * tick);
        self.state().store(KSIM_TASK_RUNNING);
    }
}

void DeferredWork::worker_loop(KernelTask& self)
{
    std::unique_lock lock(m_lock);
    while (!m_stopping) {
        if (m_work.empty()) {
            // TASK_IDLE, as an idle worker waits in Linux: no signal wakes it, no load counts it (ps: "I").
            self.state().store(KSIM_TASK_UNINTERRUPTIBLE | KSIM_TASK_NOLOAD);
            m_changed.wait(lock);
            self.state().store(KSIM_TASK_RUNNING);
            continue;
        }
        Pending pending = m_work.front();
        m_work.pop_front();
        m_worker_item = pending.item;
        lock.unlock();
        run_work(pending);
        lock.lock();
        m_worker_item = nullptr;
        m_changed.notify_all();
    }
}

std::vector<std::string> DeferredWork::abandon(OwnerId owner)
{
    // They stay armed, as on Linux: when one comes due, the kernel jumps into
    // the freed module and Oopses (ksim reports it without running freed code).
    std::lock_guard lock(m_lock);
    std::vector<std::string> found;
    for (const Timer& t : m_timers)
        if (t.owner == owner)
            found.push_back("armed timer");
    for (const Pending& p : m_work)
        if (p.owner == owner)
            found.push_back("queued work");
    for (const Pending& p : m_tasklets)
        if (p.owner == owner)
            found.push_back("scheduled tasklet");
    return found;
}

} // namespace ksim
