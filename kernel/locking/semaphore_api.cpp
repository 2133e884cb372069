// Counting semaphores and reader-writer semaphores: sleeping locks with a count.
#include <cerrno>

#include "core/export.h"
#include "core/kernel.h"
#include "locking/lockdep.h"
#include "locking/spin.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"
#include "sched/wait_list.h"

namespace {

constexpr unsigned any_sleep = KSIM_TASK_INTERRUPTIBLE | KSIM_TASK_UNINTERRUPTIBLE;

long down_common(struct semaphore* sem, unsigned state, long timeout)
{
    ksim::might_sleep_at(ksim::Kernel::current(), "kernel/locking/semaphore.c", 60);
    ksim::SpinGuard guard(&sem->lock);
    long left
        = ksim::sleep_on_list(&sem->lock, &sem->wait_list, state, timeout, true, [sem] { return sem->count > 0; });
    if (left > 0)
        --sem->count;
    return left;
}

// The rw_semaphore's count: readers holding it, or -1 for a writer.
// Lockdep tracks rw-semaphores (not counting semaphores, which another task may up()).
long rwsem_down(struct rw_semaphore* sem, bool write, unsigned state, void* caller)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::might_sleep_at(kernel, "kernel/locking/rwsem.c", 1520);
    kernel.lockdep().acquire(sem, ksim::LockKind::Sleeping, !write, false, reinterpret_cast<uintptr_t>(caller));
    ksim::SpinGuard guard(&sem->wait_lock);
    long left = ksim::sleep_on_list(&sem->wait_lock, &sem->wait_list, state, ksim::max_schedule_timeout, true,
        [sem, write] { return write ? sem->count == 0 : sem->count >= 0; });
    if (left > 0)
        sem->count = write ? -1 : sem->count + 1;
    else
        kernel.lockdep().release(sem);
    return left;
}

void rwsem_up(struct rw_semaphore* sem)
{
    ksim::Kernel::current().lockdep().release(sem);
    ksim::SpinGuard guard(&sem->wait_lock);
    sem->count = sem->count < 0 ? 0 : sem->count - 1;
    if (sem->count == 0)
        ksim::wake_list(&sem->wait_list, any_sleep, 0);
}

} // namespace

KSIM_EXPORT void sema_init(struct semaphore* sem, int value)
{
    sem->lock.locked = 0;
    sem->count = static_cast<unsigned>(value);
    ksim::list_init(&sem->wait_list);
}

KSIM_EXPORT void down(struct semaphore* sem)
{
    down_common(sem, KSIM_TASK_UNINTERRUPTIBLE, ksim::max_schedule_timeout);
}

KSIM_EXPORT int down_interruptible(struct semaphore* sem)
{
    return down_common(sem, KSIM_TASK_INTERRUPTIBLE, ksim::max_schedule_timeout) < 0 ? -EINTR : 0;
}

KSIM_EXPORT int down_killable(struct semaphore* sem)
{
    return down_common(sem, KSIM_TASK_WAKEKILL | KSIM_TASK_UNINTERRUPTIBLE, ksim::max_schedule_timeout) < 0 ? -EINTR
                                                                                                            : 0;
}

KSIM_EXPORT int down_timeout(struct semaphore* sem, long timeout)
{
    return down_common(sem, KSIM_TASK_UNINTERRUPTIBLE, timeout) > 0 ? 0 : -ETIME;
}

// 0 when it got the semaphore, 1 when not: the opposite of mutex_trylock().
KSIM_EXPORT int down_trylock(struct semaphore* sem)
{
    ksim::SpinGuard guard(&sem->lock);
    if (sem->count == 0)
        return 1;
    --sem->count;
    return 0;
}

KSIM_EXPORT void up(struct semaphore* sem)
{
    ksim::SpinGuard guard(&sem->lock);
    ++sem->count;
    ksim::wake_list(&sem->wait_list, any_sleep, 1);
}

KSIM_EXPORT void __init_rwsem(struct rw_semaphore* sem, const char* name, void* key)
{
    ksim::Kernel::current().lockdep().init_lock(sem, name, key, __builtin_return_address(0), ksim::LockKind::Sleeping);
    sem->count = 0;
    sem->wait_lock.locked = 0;
    ksim::list_init(&sem->wait_list);
}

KSIM_EXPORT void down_read(struct rw_semaphore* sem)
{
    rwsem_down(sem, false, KSIM_TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

KSIM_EXPORT int down_read_interruptible(struct rw_semaphore* sem)
{
    return rwsem_down(sem, false, KSIM_TASK_INTERRUPTIBLE, __builtin_return_address(0)) < 0 ? -EINTR : 0;
}

KSIM_EXPORT void down_write(struct rw_semaphore* sem)
{
    rwsem_down(sem, true, KSIM_TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

KSIM_EXPORT int down_read_trylock(struct rw_semaphore* sem)
{
    ksim::SpinGuard guard(&sem->wait_lock);
    if (sem->count < 0)
        return 0;
    ++sem->count;
    ksim::Kernel::current().lockdep().acquire(
        sem, ksim::LockKind::Sleeping, true, true, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    return 1;
}

KSIM_EXPORT int down_write_trylock(struct rw_semaphore* sem)
{
    ksim::SpinGuard guard(&sem->wait_lock);
    if (sem->count != 0)
        return 0;
    sem->count = -1;
    ksim::Kernel::current().lockdep().acquire(
        sem, ksim::LockKind::Sleeping, false, true, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    return 1;
}

KSIM_EXPORT void up_read(struct rw_semaphore* sem)
{
    rwsem_up(sem);
}

KSIM_EXPORT void up_write(struct rw_semaphore* sem)
{
    rwsem_up(sem);
}
