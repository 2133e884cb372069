// Sleeping on a list of waiters guarded by a spinlock: the one way mutexes,
// semaphores, completions and wait queues put a task to sleep.
#pragma once

#include <functional>

#include <ksim/sched_abi.h>

namespace ksim {

// Linux's wait-entry flags.
constexpr unsigned wq_flag_exclusive = 0x01;
constexpr unsigned wq_flag_woken = 0x02;

void list_init(struct list_head* head);
bool list_is_empty(const struct list_head* head);
void list_add_front(struct list_head* entry, struct list_head* head);
void list_add_back(struct list_head* entry, struct list_head* head);
void list_remove(struct list_head* entry); // and re-initialises it

// Sleeps the calling task in `state` on `waiters` until `ready()` holds,
// and returns 1; or until a signal its state lets in (-EINTR) or `timeout`
// jiffies pass (0). `lock` guards the list and whatever `ready` reads: it is
// held on entry and on return, and dropped while asleep.
long sleep_on_list(spinlock_t* lock, struct list_head* waiters, unsigned state, long timeout, bool exclusive,
    const std::function<bool()>& ready);

// Wakes waiters, `lock` held: an exclusive waiter ends the walk when
// `exclusive_count` of them were woken (0: all of them).
void wake_list(struct list_head* waiters, unsigned states, int exclusive_count, void* key = nullptr);

} // namespace ksim
