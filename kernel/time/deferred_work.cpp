// Timers, work items and tasklets (see deferred_work.h).
#include "time/deferred_work.h"

#include <algorithm>

#include "core/kernel.h"

namespace ksim {

namespace {

// Where a module's deferred code runs: softirq context (the idle task is
// current, as when a timer interrupt arrives) or a kernel worker thread.
const Task softirq_task {0, "swapper/0", 0, nullptr};
const Task worker_task {27, "kworker/0:1", 0, nullptr};

// A module's callback crashing in softirq context takes the machine down on
// Linux; ksim reports it and carries on.
void panic_in_interrupt(Kernel& kernel)
{
    kernel.log().log(0, "Kernel panic - not syncing: Fatal exception in interrupt");
    kernel.log().log(0, "---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---");
}

} // namespace

unsigned long jiffies_at(uint64_t ns_since_boot)
{
    return initial_jiffies + static_cast<unsigned long>(ns_since_boot / (1'000'000'000 / KSIM_HZ));
}

bool DeferredWork::arm_timer(struct timer_list* timer, unsigned long expires, OwnerId owner)
{
    bool was_pending = cancel_timer(timer);
    timer->expires = expires;
    m_timers.push_back({timer, timer->function, expires, owner});
    return was_pending;
}

bool DeferredWork::cancel_timer(const struct timer_list* timer)
{
    return std::erase_if(m_timers, [&](const Timer& t) { return t.timer == timer; }) > 0;
}

bool DeferredWork::timer_pending(const struct timer_list* timer) const
{
    return std::any_of(m_timers.begin(), m_timers.end(), [&](const Timer& t) { return t.timer == timer; });
}

bool DeferredWork::queue_work(struct work_struct* work, OwnerId owner)
{
    if (work_pending(work))
        return false;
    m_work.push_back({work, reinterpret_cast<const void*>(work->func), owner});
    return true;
}

bool DeferredWork::cancel_work(const struct work_struct* work)
{
    return std::erase_if(m_work, [&](const Pending& p) { return p.item == work; }) > 0;
}

bool DeferredWork::work_pending(const struct work_struct* work) const
{
    return std::any_of(m_work.begin(), m_work.end(), [&](const Pending& p) { return p.item == work; });
}

struct workqueue_struct* DeferredWork::create_workqueue(const std::string& name)
{
    m_workqueues.push_back(std::make_unique<std::string>(name));
    return reinterpret_cast<struct workqueue_struct*>(m_workqueues.back().get());
}

void DeferredWork::destroy_workqueue(struct workqueue_struct* wq)
{
    std::erase_if(m_workqueues, [&](const auto& name) { return reinterpret_cast<void*>(name.get()) == wq; });
}

void DeferredWork::schedule_tasklet(struct tasklet_struct* tasklet, OwnerId owner)
{
    if (std::any_of(m_tasklets.begin(), m_tasklets.end(), [&](const Pending& p) { return p.item == tasklet; }))
        return; // already scheduled: it runs once
    const void* code = tasklet->use_callback ? reinterpret_cast<const void*>(tasklet->callback)
                                             : reinterpret_cast<const void*>(tasklet->func);
    m_tasklets.push_back({tasklet, code, owner});
}

void DeferredWork::kill_tasklet(const struct tasklet_struct* tasklet)
{
    std::erase_if(m_tasklets, [&](const Pending& p) { return p.item == tasklet; });
}

void DeferredWork::run_work(Kernel& kernel, const Pending& pending)
{
    auto* work = static_cast<struct work_struct*>(pending.item);
    ModuleFunction func(reinterpret_cast<void (*)(struct work_struct*)>(const_cast<void*>(pending.code)));
    kernel.set_task(worker_task);
    // A worker that dies is replaced; nobody waits for its status.
    (void)kernel.call_module(func,
        {"process_one_work+0x1c7/0x380", "worker_thread+0x4d/0x380", "kthread+0xe9/0x110", "ret_from_fork+0x22/0x30"},
        work);
}

void DeferredWork::run_due(Kernel& kernel)
{
    if (m_running)
        return;
    m_running = true;
    Task interrupted = kernel.task();
    while (true) {
        if (!m_tasklets.empty()) {
            Pending pending = m_tasklets.front();
            m_tasklets.pop_front();
            auto* tasklet = static_cast<struct tasklet_struct*>(pending.item);
            kernel.set_task(softirq_task);
            std::initializer_list<const char*> frames {"tasklet_action_common.constprop.0+0xc0/0xf0",
                "__do_softirq+0xcb/0x2ab", "__irq_exit_rcu+0xa5/0xf0", "sysvec_apic_timer_interrupt+0x72/0x90"};
            auto ran = tasklet->use_callback ? kernel.call_module(ModuleFunction(tasklet->callback), frames, tasklet)
                                             : kernel.call_module(ModuleFunction(tasklet->func), frames, tasklet->data);
            if (ran.is_error())
                panic_in_interrupt(kernel);
            continue;
        }
        unsigned long now = jiffies_at(kernel.log().now_ns());
        auto due = std::min_element(m_timers.begin(), m_timers.end(),
            [](const Timer& a, const Timer& b) { return static_cast<long>(a.expires - b.expires) < 0; });
        if (due != m_timers.end() && static_cast<long>(now - due->expires) >= 0) {
            Timer timer = *due;
            m_timers.erase(due);
            kernel.set_task(softirq_task);
            auto ran = kernel.call_module(ModuleFunction(timer.function),
                {"call_timer_fn+0x27/0x130", "__run_timers.part.0+0x1e8/0x280", "run_timer_softirq+0x3a/0x80",
                    "__do_softirq+0xcb/0x2ab", "__irq_exit_rcu+0xa5/0xf0", "sysvec_apic_timer_interrupt+0x72/0x90"},
                timer.timer);
            if (ran.is_error())
                panic_in_interrupt(kernel);
            continue;
        }
        if (!m_work.empty()) {
            Pending pending = m_work.front();
            m_work.pop_front();
            run_work(kernel, pending);
            continue;
        }
        break;
    }
    kernel.set_task(interrupted);
    m_running = false;
}

void DeferredWork::flush(Kernel& kernel, const struct work_struct* work)
{
    auto it = std::find_if(m_work.begin(), m_work.end(), [&](const Pending& p) { return p.item == work; });
    if (it == m_work.end())
        return;
    Pending pending = *it;
    m_work.erase(it);
    // flush_work() waits for the worker; here the caller's task runs it, as
    // the worker would, and gets its own task back afterwards.
    Task waiting = kernel.task();
    run_work(kernel, pending);
    kernel.set_task(waiting);
}

uint64_t DeferredWork::next_timer_ns(const Kernel&) const
{
    if (m_timers.empty())
        return 0;
    auto next = std::min_element(m_timers.begin(), m_timers.end(),
        [](const Timer& a, const Timer& b) { return static_cast<long>(a.expires - b.expires) < 0; });
    long ticks = static_cast<long>(next->expires - initial_jiffies);
    return ticks <= 0 ? 1 : static_cast<uint64_t>(ticks) * (1'000'000'000 / KSIM_HZ);
}

std::vector<std::string> DeferredWork::abandon(OwnerId owner)
{
    // They stay armed, as on Linux: when one comes due, the kernel jumps into
    // the freed module and Oopses (ksim reports it without running freed code).
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
