/* Spinlocks and reader-writer spinlocks. Taking one disables preemption on
 * the task's CPU until it is released, so sleeping while holding one is a
 * bug that might_sleep() reports; the _irqsave/_irq kinds also disable
 * (simulated) interrupts, the _bh kinds softirqs. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <ksim/sched_abi.h>
#include <linux/irqflags.h>
#include <linux/lockdep_types.h>
#include <linux/preempt.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void __raw_spin_lock_init(spinlock_t *lock, const char *name, void *key);
void __rwlock_init(rwlock_t *lock, const char *name, void *key);
void _raw_spin_lock(spinlock_t *lock);
void _raw_spin_unlock(spinlock_t *lock);
int _raw_spin_trylock(spinlock_t *lock);
void _raw_spin_lock_bh(spinlock_t *lock);
void _raw_spin_unlock_bh(spinlock_t *lock);
void _raw_spin_lock_irq(spinlock_t *lock);
void _raw_spin_unlock_irq(spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
void _raw_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void _raw_read_lock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
__KSIM_END_DECLS

#define __SPIN_LOCK_UNLOCKED(name) {0}
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define spin_lock_init(lock)                             \
	do {                                             \
		static struct lock_class_key __key;        \
		__raw_spin_lock_init((lock), #lock, &__key); \
	} while (0)

#define spin_lock(lock) _raw_spin_lock(lock)
#define spin_unlock(lock) _raw_spin_unlock(lock)
#define spin_trylock(lock) _raw_spin_trylock(lock)
#define spin_lock_bh(lock) _raw_spin_lock_bh(lock)
#define spin_unlock_bh(lock) _raw_spin_unlock_bh(lock)
#define spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define spin_lock_irqsave(lock, flags) ((flags) = _raw_spin_lock_irqsave(lock))
#define spin_unlock_irqrestore(lock, flags) _raw_spin_unlock_irqrestore((lock), (flags))
#define spin_is_locked(lock) (__atomic_load_n(&(lock)->locked, __ATOMIC_RELAXED) != 0)
#define assert_spin_locked(lock) ((void)0)

#define __RW_LOCK_UNLOCKED(name) {0}
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)
#define rwlock_init(lock)                          \
	do {                                       \
		static struct lock_class_key __key;  \
		__rwlock_init((lock), #lock, &__key); \
	} while (0)
#define read_lock(lock) _raw_read_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define read_lock_irqsave(lock, flags) ((flags) = __ksim_local_irq_save(), read_lock(lock))
#define read_unlock_irqrestore(lock, flags) (read_unlock(lock), __ksim_local_irq_restore(flags))
#define write_lock_irqsave(lock, flags) ((flags) = __ksim_local_irq_save(), write_lock(lock))
#define write_unlock_irqrestore(lock, flags) (write_unlock(lock), __ksim_local_irq_restore(flags))
#define read_lock_bh(lock) read_lock(lock)
#define read_unlock_bh(lock) read_unlock(lock)
#define write_lock_bh(lock) write_lock(lock)
#define write_unlock_bh(lock) write_unlock(lock)

#endif
