/* Spinlocks: uncontended in ksim, which runs one task at a time on one CPU. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>

typedef struct {
	int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) {0}
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	lock->locked = 1;
}

static inline void spin_unlock(spinlock_t *lock)
{
	lock->locked = 0;
}

/* Reader-writer locks, as uncontended. */
typedef struct {
	int readers, writer;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name) {0, 0}
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)
#define rwlock_init(lock) ((lock)->readers = 0, (lock)->writer = 0)
#define read_lock(lock) ((lock)->readers++)
#define read_unlock(lock) ((lock)->readers--)
#define write_lock(lock) ((lock)->writer = 1)
#define write_unlock(lock) ((lock)->writer = 0)
#define read_lock_irqsave(lock, flags) ((flags) = 0, read_lock(lock))
#define read_unlock_irqrestore(lock, flags) ((void)(flags), read_unlock(lock))
#define write_lock_irqsave(lock, flags) ((flags) = 0, write_lock(lock))
#define write_unlock_irqrestore(lock, flags) ((void)(flags), write_unlock(lock))

#define spin_lock_irqsave(lock, flags) ((flags) = 0, spin_lock(lock))
#define spin_unlock_irqrestore(lock, flags) ((void)(flags), spin_unlock(lock))
#define spin_lock_irq(lock) spin_lock(lock)
#define spin_unlock_irq(lock) spin_unlock(lock)
#define spin_lock_bh(lock) spin_lock(lock)
#define spin_unlock_bh(lock) spin_unlock(lock)

#endif
