// Wait queues as modules use them: <linux/wait.h>'s prepare/finish steps and wake_up().
#include <cerrno>

#include "core/export.h"
#include "locking/spin.h"
#include "sched/kernel_task.h"
#include "sched/scheduler.h"
#include "sched/wait_list.h"

namespace {

constexpr int erestartsys = 512;

void set_state(unsigned state)
{
    ksim::Scheduler::current()->state().store(state);
}

} // namespace

KSIM_EXPORT int default_wake_function(struct wait_queue_entry* entry, unsigned mode, int, void*)
{
    return ksim::Scheduler::wake(ksim::kernel_task_of(static_cast<struct task_struct*>(entry->private_)), mode);
}

KSIM_EXPORT int autoremove_wake_function(struct wait_queue_entry* entry, unsigned mode, int flags, void* key)
{
    int woke = default_wake_function(entry, mode, flags, key);
    if (woke)
        ksim::list_remove(&entry->entry);
    return woke;
}

KSIM_EXPORT void init_wait_entry(struct wait_queue_entry* entry, int flags)
{
    entry->flags = static_cast<unsigned>(flags);
    entry->private_ = &ksim::Scheduler::current()->abi();
    entry->func = autoremove_wake_function;
    ksim::list_init(&entry->entry);
}

KSIM_EXPORT void add_wait_queue(struct wait_queue_head* head, struct wait_queue_entry* entry)
{
    ksim::SpinGuard guard(&head->lock);
    entry->flags &= ~ksim::wq_flag_exclusive;
    ksim::list_add_front(&entry->entry, &head->head);
}

KSIM_EXPORT void add_wait_queue_exclusive(struct wait_queue_head* head, struct wait_queue_entry* entry)
{
    ksim::SpinGuard guard(&head->lock);
    entry->flags |= ksim::wq_flag_exclusive;
    ksim::list_add_back(&entry->entry, &head->head);
}

KSIM_EXPORT void remove_wait_queue(struct wait_queue_head* head, struct wait_queue_entry* entry)
{
    ksim::SpinGuard guard(&head->lock);
    ksim::list_remove(&entry->entry);
}

KSIM_EXPORT void prepare_to_wait(struct wait_queue_head* head, struct wait_queue_entry* entry, int state)
{
    ksim::SpinGuard guard(&head->lock);
    entry->flags &= ~ksim::wq_flag_exclusive;
    if (ksim::list_is_empty(&entry->entry))
        ksim::list_add_front(&entry->entry, &head->head);
    set_state(static_cast<unsigned>(state));
}

KSIM_EXPORT bool prepare_to_wait_exclusive(struct wait_queue_head* head, struct wait_queue_entry* entry, int state)
{
    ksim::SpinGuard guard(&head->lock);
    bool was_empty = ksim::list_is_empty(&head->head);
    entry->flags |= ksim::wq_flag_exclusive;
    if (ksim::list_is_empty(&entry->entry))
        ksim::list_add_back(&entry->entry, &head->head);
    set_state(static_cast<unsigned>(state));
    return was_empty;
}

// The step of wait_event*(): queue up and set the state, unless a signal the
// state lets in is pending, which ends the wait with -ERESTARTSYS.
KSIM_EXPORT long prepare_to_wait_event(struct wait_queue_head* head, struct wait_queue_entry* entry, int state)
{
    ksim::SpinGuard guard(&head->lock);
    if (ksim::Scheduler::signal_ends_sleep(*ksim::Scheduler::current(), static_cast<unsigned>(state))) {
        ksim::list_remove(&entry->entry);
        return -erestartsys;
    }
    if (ksim::list_is_empty(&entry->entry)) {
        if (entry->flags & ksim::wq_flag_exclusive)
            ksim::list_add_back(&entry->entry, &head->head);
        else
            ksim::list_add_front(&entry->entry, &head->head);
    }
    set_state(static_cast<unsigned>(state));
    return 0;
}

KSIM_EXPORT void finish_wait(struct wait_queue_head* head, struct wait_queue_entry* entry)
{
    set_state(KSIM_TASK_RUNNING);
    if (!ksim::list_is_empty(&entry->entry)) {
        ksim::SpinGuard guard(&head->lock);
        ksim::list_remove(&entry->entry);
    }
}

KSIM_EXPORT void __wake_up(struct wait_queue_head* head, unsigned int mode, int nr_exclusive, void* key)
{
    ksim::SpinGuard guard(&head->lock);
    ksim::wake_list(&head->head, mode, nr_exclusive, key);
}

// For callers that hold the queue's lock already (spin_lock(&wq.lock)).
KSIM_EXPORT void __wake_up_locked(struct wait_queue_head* head, unsigned int mode, int nr)
{
    ksim::wake_list(&head->head, mode, nr);
}

KSIM_EXPORT void __init_waitqueue_head(struct wait_queue_head* head, const char*, void*)
{
    head->lock.locked = 0;
    ksim::list_init(&head->head);
}
