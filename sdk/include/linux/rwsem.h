/* Reader-writer semaphores: many readers or one writer, sleeping while they wait. */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <ksim/sched_abi.h>
#include <linux/list.h>
#include <linux/lockdep_types.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void __init_rwsem(struct rw_semaphore *sem, const char *name, void *key);
void down_read(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
__KSIM_END_DECLS

#define __RWSEM_INITIALIZER(name) {0, {0}, LIST_HEAD_INIT((name).wait_list)}
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)
#define init_rwsem(sem)                           \
	do {                                      \
		static struct lock_class_key __key; \
		__init_rwsem((sem), #sem, &__key);  \
	} while (0)

#endif
