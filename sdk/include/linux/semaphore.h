/* Counting semaphores: down() sleeps while the count is 0, up() adds one. */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <ksim/sched_abi.h>
#include <linux/list.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);
__KSIM_END_DECLS

#define __SEMAPHORE_INITIALIZER(name, n) {{0}, (n), LIST_HEAD_INIT((name).wait_list)}
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

#endif
