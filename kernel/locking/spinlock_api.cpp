// Spinlocks and rwlocks as modules take them: the lock word, plus the preemption
// and interrupt state Linux changes with it, which might_sleep() checks.
#include <atomic>

#include "core/export.h"
#include "core/kernel.h"
#include "locking/lockdep.h"
#include "locking/spin.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"

namespace {

struct task_struct& running()
{
    return ksim::Scheduler::current()->abi();
}

void preempt_off(void* caller)
{
    ksim::KernelTask& task = *ksim::Scheduler::current();
    if (task.abi().preempt_count++ == 0)
        task.preempt_disable_ip = reinterpret_cast<uintptr_t>(caller);
}

void preempt_on()
{
    --running().preempt_count;
}

// local_irq_save(): the flags say whether interrupts were on.
unsigned long irqs_off()
{
    return running().irqs_disabled++ == 0 ? 0x200 : 0; // X86_EFLAGS_IF
}

// local_irq_restore(): interrupts come back on only if they were on at the save.
void irqs_restore(unsigned long flags)
{
    if (flags & 0x200)
        running().irqs_disabled = 0;
}

constexpr int softirq_disable_offset = 2 * ksim::softirq_offset;

ksim::Lockdep& lockdep()
{
    return ksim::Kernel::current().lockdep();
}

// spin_acquire() after lockdep has seen the order. A task that takes a
// spinlock it holds spins forever on Linux; lockdep reports it, and ksim
// lets the task go on rather than freeze.
void take(spinlock_t* lock, void* caller)
{
    if (!lockdep().acquire(lock, ksim::LockKind::Spinning, false, false, reinterpret_cast<uintptr_t>(caller)))
        ksim::spin_acquire(lock);
}

void give(spinlock_t* lock)
{
    lockdep().release(lock);
    ksim::spin_release(lock);
}

// rwlock_t: readers holding it, or -1 for a writer.
void read_acquire(rwlock_t* lock)
{
    std::atomic_ref<int> word(lock->readers);
    for (;;) {
        int readers = word.load(std::memory_order_relaxed);
        if (readers >= 0 && word.compare_exchange_weak(readers, readers + 1, std::memory_order_acquire))
            return;
        std::this_thread::yield();
    }
}

void write_acquire(rwlock_t* lock)
{
    std::atomic_ref<int> word(lock->readers);
    for (int free = 0; !word.compare_exchange_weak(free, -1, std::memory_order_acquire); free = 0)
        std::this_thread::yield();
}

} // namespace

KSIM_EXPORT void __raw_spin_lock_init(spinlock_t* lock, const char* name, void* key)
{
    lock->locked = 0;
    lockdep().init_lock(lock, name, key, __builtin_return_address(0), ksim::LockKind::Spinning);
}

KSIM_EXPORT void _raw_spin_lock(spinlock_t* lock)
{
    preempt_off(__builtin_return_address(0));
    take(lock, __builtin_return_address(0));
}

KSIM_EXPORT void _raw_spin_unlock(spinlock_t* lock)
{
    give(lock);
    preempt_on();
}

KSIM_EXPORT int _raw_spin_trylock(spinlock_t* lock)
{
    preempt_off(__builtin_return_address(0));
    if (ksim::spin_try_acquire(lock)) {
        lockdep().acquire(
            lock, ksim::LockKind::Spinning, false, true, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
        return 1;
    }
    preempt_on();
    return 0;
}

KSIM_EXPORT void _raw_spin_lock_bh(spinlock_t* lock)
{
    running().preempt_count += softirq_disable_offset;
    take(lock, __builtin_return_address(0));
}

KSIM_EXPORT void _raw_spin_unlock_bh(spinlock_t* lock)
{
    give(lock);
    running().preempt_count -= softirq_disable_offset;
}

KSIM_EXPORT void _raw_spin_lock_irq(spinlock_t* lock)
{
    irqs_off();
    preempt_off(__builtin_return_address(0));
    take(lock, __builtin_return_address(0));
}

KSIM_EXPORT void _raw_spin_unlock_irq(spinlock_t* lock)
{
    _raw_spin_unlock(lock);
    running().irqs_disabled = 0;
}

KSIM_EXPORT unsigned long _raw_spin_lock_irqsave(spinlock_t* lock)
{
    unsigned long flags = irqs_off();
    preempt_off(__builtin_return_address(0));
    take(lock, __builtin_return_address(0));
    return flags;
}

KSIM_EXPORT void _raw_spin_unlock_irqrestore(spinlock_t* lock, unsigned long flags)
{
    _raw_spin_unlock(lock);
    irqs_restore(flags);
}

KSIM_EXPORT unsigned long __ksim_local_irq_save(void)
{
    return irqs_off();
}

KSIM_EXPORT void __ksim_local_irq_restore(unsigned long flags)
{
    irqs_restore(flags);
}

KSIM_EXPORT void __ksim_preempt_disable(void)
{
    preempt_off(__builtin_return_address(0));
}

KSIM_EXPORT void __ksim_preempt_enable(void)
{
    preempt_on();
}

KSIM_EXPORT void __rwlock_init(rwlock_t* lock, const char* name, void* key)
{
    lock->readers = 0;
    lockdep().init_lock(lock, name, key, __builtin_return_address(0), ksim::LockKind::RwSpinning);
}

KSIM_EXPORT void _raw_read_lock(rwlock_t* lock)
{
    preempt_off(__builtin_return_address(0));
    lockdep().acquire(
        lock, ksim::LockKind::RwSpinning, true, false, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    read_acquire(lock);
}

KSIM_EXPORT void _raw_read_unlock(rwlock_t* lock)
{
    lockdep().release(lock);
    std::atomic_ref<int>(lock->readers).fetch_sub(1, std::memory_order_release);
    preempt_on();
}

KSIM_EXPORT void _raw_write_lock(rwlock_t* lock)
{
    preempt_off(__builtin_return_address(0));
    if (!lockdep().acquire(
            lock, ksim::LockKind::RwSpinning, false, false, reinterpret_cast<uintptr_t>(__builtin_return_address(0))))
        write_acquire(lock);
}

KSIM_EXPORT void _raw_write_unlock(rwlock_t* lock)
{
    lockdep().release(lock);
    std::atomic_ref<int>(lock->readers).store(0, std::memory_order_release);
    preempt_on();
}
