/* Mutexes: sleeping locks with one owner. A task that finds one taken sleeps
 * until the owner unlocks it; only the owner may unlock. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <ksim/sched_abi.h>
#include <linux/list.h>
#include <linux/lockdep_types.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void __mutex_init(struct mutex *lock, const char *name, void *key);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
__KSIM_END_DECLS

#define __MUTEX_INITIALIZER(name) {0, {0}, LIST_HEAD_INIT((name).wait_list)}
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)
#define mutex_init(lock)                          \
	do {                                      \
		static struct lock_class_key __key; \
		__mutex_init((lock), #lock, &__key); \
	} while (0)
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)

static inline bool mutex_is_locked(struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != 0;
}

static inline void mutex_destroy(struct mutex *lock)
{
	(void)lock;
}

#endif
