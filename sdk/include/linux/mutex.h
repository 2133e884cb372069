/* Mutexes. ksim runs one task at a time, so a lock is never contended; locking
 * one already held is the self-deadlock a real kernel would hang on, and
 * ksim reports it instead of hanging. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>

struct mutex {
	int locked;
};

#define __MUTEX_INITIALIZER(name) {0}
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

__KSIM_BEGIN_DECLS
void __ksim_mutex_deadlock(struct mutex *lock);
__KSIM_END_DECLS

static inline void mutex_init(struct mutex *lock)
{
	lock->locked = 0;
}

static inline void mutex_lock(struct mutex *lock)
{
	if (lock->locked)
		__ksim_mutex_deadlock(lock);
	lock->locked = 1;
}

static inline int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

static inline int mutex_trylock(struct mutex *lock)
{
	if (lock->locked)
		return 0;
	lock->locked = 1;
	return 1;
}

static inline void mutex_unlock(struct mutex *lock)
{
	lock->locked = 0;
}

static inline bool mutex_is_locked(struct mutex *lock)
{
	return lock->locked != 0;
}

static inline void mutex_destroy(struct mutex *lock)
{
	(void)lock;
}

#endif
