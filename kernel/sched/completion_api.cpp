// Completions: one task waits until another says "done".
#include <cerrno>
#include <climits>

#include "core/export.h"
#include "core/kernel.h"
#include "locking/spin.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"
#include "sched/wait_list.h"

namespace {

// complete_all() makes done this, and every wait then returns at once.
constexpr unsigned all_done = UINT_MAX;

long wait_for(struct completion* x, unsigned state, long timeout)
{
    ksim::might_sleep_at(ksim::Kernel::current(), "kernel/sched/completion.c", 101);
    ksim::SpinGuard guard(&x->wait.lock);
    long left = ksim::sleep_on_list(&x->wait.lock, &x->wait.head, state, timeout, true, [x] { return x->done != 0; });
    if (left > 0 && x->done != all_done)
        --x->done;
    return left;
}

} // namespace

KSIM_EXPORT void complete(struct completion* x)
{
    ksim::SpinGuard guard(&x->wait.lock);
    if (x->done != all_done)
        ++x->done;
    ksim::wake_list(&x->wait.head, KSIM_TASK_INTERRUPTIBLE | KSIM_TASK_UNINTERRUPTIBLE, 1);
}

KSIM_EXPORT void complete_all(struct completion* x)
{
    ksim::SpinGuard guard(&x->wait.lock);
    x->done = all_done;
    ksim::wake_list(&x->wait.head, KSIM_TASK_INTERRUPTIBLE | KSIM_TASK_UNINTERRUPTIBLE, 0);
}

KSIM_EXPORT void wait_for_completion(struct completion* x)
{
    wait_for(x, KSIM_TASK_UNINTERRUPTIBLE, ksim::max_schedule_timeout);
}

KSIM_EXPORT unsigned long wait_for_completion_timeout(struct completion* x, unsigned long timeout)
{
    long left = wait_for(x, KSIM_TASK_UNINTERRUPTIBLE, static_cast<long>(timeout));
    return left > 0 ? static_cast<unsigned long>(left) : 0;
}

KSIM_EXPORT int wait_for_completion_interruptible(struct completion* x)
{
    return wait_for(x, KSIM_TASK_INTERRUPTIBLE, ksim::max_schedule_timeout) < 0 ? -512 /* -ERESTARTSYS */ : 0;
}

KSIM_EXPORT long wait_for_completion_interruptible_timeout(struct completion* x, unsigned long timeout)
{
    long left = wait_for(x, KSIM_TASK_INTERRUPTIBLE, static_cast<long>(timeout));
    return left < 0 ? -512 : left;
}

KSIM_EXPORT int wait_for_completion_killable(struct completion* x)
{
    return wait_for(x, KSIM_TASK_WAKEKILL | KSIM_TASK_UNINTERRUPTIBLE, ksim::max_schedule_timeout) < 0 ? -512 : 0;
}

KSIM_EXPORT bool try_wait_for_completion(struct completion* x)
{
    ksim::SpinGuard guard(&x->wait.lock);
    if (x->done == 0)
        return false;
    if (x->done != all_done)
        --x->done;
    return true;
}

KSIM_EXPORT bool completion_done(struct completion* x)
{
    ksim::SpinGuard guard(&x->wait.lock);
    return x->done != 0;
}
