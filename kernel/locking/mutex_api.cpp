// Mutexes that block: a task that finds the mutex taken sleeps until its owner unlocks it.
#include <atomic>
#include <cerrno>

#include "core/export.h"
#include "core/kernel.h"
#include "locking/lockdep.h"
#include "locking/spin.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"
#include "sched/wait_list.h"

namespace {

long owner_word(struct task_struct* task)
{
    return static_cast<long>(reinterpret_cast<uintptr_t>(task));
}

bool try_take(struct mutex* lock)
{
    long expected = 0;
    return std::atomic_ref<long>(lock->owner)
        .compare_exchange_strong(expected, owner_word(&ksim::Scheduler::current()->abi()), std::memory_order_acquire);
}

ksim::Lockdep& lockdep()
{
    return ksim::Kernel::current().lockdep();
}

bool held_by_current(struct mutex* lock)
{
    return std::atomic_ref<long>(lock->owner).load() == owner_word(&ksim::Scheduler::current()->abi());
}

int lock_slow(struct mutex* lock, unsigned state, void* caller)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::might_sleep_at(kernel, "kernel/locking/mutex.c", 580);
    kernel.lockdep().acquire(lock, ksim::LockKind::Sleeping, false, false, reinterpret_cast<uintptr_t>(caller));
    if (try_take(lock))
        return 0;
    // Locking a mutex the task already holds sleeps forever on Linux (lockdep
    // has said so). Until a foreground command can hang without taking the
    // shell with it, ksim lets the task go on.
    if (held_by_current(lock))
        return 0;
    ksim::SpinGuard guard(&lock->wait_lock);
    long left = ksim::sleep_on_list(
        &lock->wait_lock, &lock->wait_list, state, ksim::max_schedule_timeout, true, [lock] { return try_take(lock); });
    if (left >= 0)
        return 0;
    kernel.lockdep().release(lock);
    return -EINTR;
}

} // namespace

KSIM_EXPORT void __mutex_init(struct mutex* lock, const char* name, void* key)
{
    lockdep().init_lock(lock, name, key, __builtin_return_address(0), ksim::LockKind::Sleeping);
    lock->owner = 0;
    lock->wait_lock.locked = 0;
    ksim::list_init(&lock->wait_list);
}

KSIM_EXPORT void mutex_lock(struct mutex* lock)
{
    lock_slow(lock, KSIM_TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

KSIM_EXPORT int mutex_lock_interruptible(struct mutex* lock)
{
    return lock_slow(lock, KSIM_TASK_INTERRUPTIBLE, __builtin_return_address(0));
}

KSIM_EXPORT int mutex_lock_killable(struct mutex* lock)
{
    return lock_slow(lock, KSIM_TASK_WAKEKILL | KSIM_TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

KSIM_EXPORT int mutex_trylock(struct mutex* lock)
{
    if (!try_take(lock))
        return 0;
    lockdep().acquire(
        lock, ksim::LockKind::Sleeping, false, true, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    return 1;
}

KSIM_EXPORT void mutex_unlock(struct mutex* lock)
{
    lockdep().release(lock);
    std::atomic_ref<long>(lock->owner).store(0, std::memory_order_release);
    ksim::SpinGuard guard(&lock->wait_lock);
    ksim::wake_list(&lock->wait_list, KSIM_TASK_INTERRUPTIBLE | KSIM_TASK_UNINTERRUPTIBLE, 1);
}
