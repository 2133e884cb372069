// jiffies, timers, workqueues and tasklets: the module API of deferred work.
#include <cstdarg>
#include <memory>
#include <string>

#include <ksim/deferred_abi.h>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "lib/vsprintf.h"
#include "time/deferred_work.h"

namespace {

ksim::DeferredWork& deferred()
{
    return ksim::Kernel::current().deferred_work();
}

} // namespace

// The expiry of a delayed work's timer queues the work (a kernel function,
// so ksim runs it without checks on module code).
extern "C" void delayed_work_timer_fn(struct timer_list* timer)
{
    auto* dwork
        = reinterpret_cast<struct delayed_work*>(reinterpret_cast<char*>(timer) - offsetof(struct delayed_work, timer));
    deferred().queue_work(&dwork->work, ksim::kernel_owner);
}

KSIM_EXPORT unsigned long __ksim_jiffies(void)
{
    return ksim::jiffies_at(ksim::Kernel::current().log().now_ns());
}

KSIM_EXPORT void __ksim_timer_setup(struct timer_list* timer, void (*function)(struct timer_list*), unsigned int flags)
{
    timer->entry.next = timer->entry.prev = nullptr;
    timer->function = function;
    timer->flags = flags;
    timer->expires = 0;
}

KSIM_EXPORT int mod_timer(struct timer_list* timer, unsigned long expires)
{
    return deferred().arm_timer(timer, expires, ksim::caller_owner(__builtin_return_address(0))) ? 1 : 0;
}

KSIM_EXPORT void add_timer(struct timer_list* timer)
{
    deferred().arm_timer(timer, timer->expires, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT int del_timer(struct timer_list* timer)
{
    return deferred().cancel_timer(timer) ? 1 : 0;
}

KSIM_EXPORT int del_timer_sync(struct timer_list* timer)
{
    bool was_pending = deferred().cancel_timer(timer);
    deferred().wait_until_idle(timer); // its callback may be running in ksoftirqd right now
    return was_pending ? 1 : 0;
}

KSIM_EXPORT int timer_pending(const struct timer_list* timer)
{
    return deferred().timer_pending(timer) ? 1 : 0;
}

KSIM_EXPORT bool schedule_work(struct work_struct* work)
{
    return deferred().queue_work(work, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT bool queue_work_on(int, struct workqueue_struct*, struct work_struct* work)
{
    return deferred().queue_work(work, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT bool flush_work(struct work_struct* work)
{
    return deferred().flush(work);
}

KSIM_EXPORT bool cancel_work_sync(struct work_struct* work)
{
    bool was_pending = deferred().cancel_work(work);
    deferred().wait_until_idle(work);
    return was_pending;
}

KSIM_EXPORT bool queue_delayed_work_on(
    int, struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay)
{
    if (deferred().timer_pending(&dwork->timer) || deferred().work_pending(&dwork->work))
        return false;
    dwork->wq = wq;
    if (delay == 0)
        return deferred().queue_work(&dwork->work, ksim::caller_owner(__builtin_return_address(0)));
    dwork->timer.function = delayed_work_timer_fn;
    deferred().arm_timer(&dwork->timer, __ksim_jiffies() + delay, ksim::caller_owner(__builtin_return_address(0)));
    return true;
}

KSIM_EXPORT bool schedule_delayed_work(struct delayed_work* dwork, unsigned long delay)
{
    return queue_delayed_work_on(0, nullptr, dwork, delay);
}

KSIM_EXPORT bool cancel_delayed_work(struct delayed_work* dwork)
{
    bool timer = deferred().cancel_timer(&dwork->timer);
    return deferred().cancel_work(&dwork->work) || timer;
}

KSIM_EXPORT bool cancel_delayed_work_sync(struct delayed_work* dwork)
{
    bool was_pending = cancel_delayed_work(dwork);
    deferred().wait_until_idle(&dwork->timer);
    deferred().wait_until_idle(&dwork->work);
    return was_pending;
}

KSIM_EXPORT struct workqueue_struct* alloc_workqueue(const char* fmt, unsigned int, int max_active, ...)
{
    va_list args;
    va_start(args, max_active);
    ksim::Kernel& kernel = ksim::Kernel::current();
    std::string name = ksim::kernel_vformat(fmt, args, [&](uintptr_t a, bool o) { return kernel.symbolize(a, o); });
    va_end(args);
    return kernel.deferred_work().create_workqueue(name);
}

KSIM_EXPORT void flush_workqueue(struct workqueue_struct*)
{
    deferred().flush_all();
}

KSIM_EXPORT void destroy_workqueue(struct workqueue_struct* wq)
{
    deferred().destroy_workqueue(wq);
}

KSIM_EXPORT void tasklet_setup(struct tasklet_struct* t, void (*callback)(struct tasklet_struct*))
{
    t->next = nullptr;
    t->state = 0;
    t->count = 0;
    t->use_callback = true;
    t->callback = callback;
    t->data = reinterpret_cast<unsigned long>(t);
}

KSIM_EXPORT void tasklet_init(struct tasklet_struct* t, void (*func)(unsigned long), unsigned long data)
{
    t->next = nullptr;
    t->state = 0;
    t->count = 0;
    t->use_callback = false;
    t->func = func;
    t->data = data;
}

KSIM_EXPORT void __tasklet_schedule(struct tasklet_struct* t)
{
    deferred().schedule_tasklet(t, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void __tasklet_hi_schedule(struct tasklet_struct* t)
{
    deferred().schedule_tasklet(t, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void tasklet_kill(struct tasklet_struct* t)
{
    deferred().kill_tasklet(t);
}
