// Waiter lists (see wait_list.h).
#include "sched/wait_list.h"

#include <cerrno>

#include "core/kernel.h"
#include "locking/spin.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"

extern "C" int default_wake_function(struct wait_queue_entry* entry, unsigned mode, int flags, void* key);
extern "C" int autoremove_wake_function(struct wait_queue_entry* entry, unsigned mode, int flags, void* key);

namespace ksim {

void list_init(struct list_head* head)
{
    head->next = head->prev = head;
}

bool list_is_empty(const struct list_head* head)
{
    return head->next == head;
}

void list_add_front(struct list_head* entry, struct list_head* head)
{
    entry->next = head->next;
    entry->prev = head;
    head->next->prev = entry;
    head->next = entry;
}

void list_add_back(struct list_head* entry, struct list_head* head)
{
    list_add_front(entry, head->prev);
}

void list_remove(struct list_head* entry)
{
    entry->prev->next = entry->next;
    entry->next->prev = entry->prev;
    list_init(entry);
}

long sleep_on_list(spinlock_t* lock, struct list_head* waiters, unsigned state, long timeout, bool exclusive,
    const std::function<bool()>& ready)
{
    Kernel& kernel = Kernel::current();
    KernelTask& task = *Scheduler::current();
    struct wait_queue_entry entry { };
    entry.flags = exclusive ? wq_flag_exclusive : 0;
    entry.private_ = &task.abi();
    entry.func = default_wake_function;
    list_init(&entry.entry);
    if (exclusive)
        list_add_back(&entry.entry, waiters);
    else
        list_add_front(&entry.entry, waiters);
    long result = timeout;
    while (!ready()) {
        if (Scheduler::signal_ends_sleep(task, state)) {
            result = -EINTR;
            break;
        }
        if (result == 0)
            break;
        task.state().store(state);
        spin_release(lock);
        schedule_while_atomic(kernel);
        result = kernel.scheduler().sleep(task, result);
        spin_acquire(lock);
    }
    list_remove(&entry.entry);
    task.state().store(KSIM_TASK_RUNNING);
    return result == 0 && ready() ? 1 : result;
}

void wake_list(struct list_head* waiters, unsigned states, int exclusive_count, void* key)
{
    for (struct list_head *node = waiters->next, *next = node->next; node != waiters; node = next, next = node->next) {
        auto* entry = reinterpret_cast<struct wait_queue_entry*>(
            reinterpret_cast<char*>(node) - offsetof(struct wait_queue_entry, entry));
        unsigned flags = entry->flags;
        int woke = 0;
        if (entry->func == default_wake_function || entry->func == autoremove_wake_function || !entry->func)
            woke = (entry->func ? entry->func : default_wake_function)(entry, states, 0, key);
        else // a module's own wake function
        {
            auto ran = Kernel::current().call_module(
                ModuleFunction(entry->func), {"__wake_up_common+0x7a/0x190"}, entry, states, 0, key);
            woke = ran.is_error() ? 0 : ran.value();
        }
        if (woke < 0)
            break;
        if (woke && (flags & wq_flag_exclusive) && exclusive_count > 0 && --exclusive_count == 0)
            break;
    }
}

} // namespace ksim
