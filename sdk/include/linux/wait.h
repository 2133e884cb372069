/* Wait queues: a task sleeps on a queue until a condition holds, and whoever
 * makes it hold wakes the queue. Each wait_event*() re-checks its condition
 * after every wake-up, so a wake-up that comes early is harmless. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <ksim/sched_abi.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/types.h>

typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

__KSIM_BEGIN_DECLS
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name, void *key);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
__KSIM_END_DECLS

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {__SPIN_LOCK_UNLOCKED(name.lock), LIST_HEAD_INIT((name).head)}
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head, NULL)

#define __WAITQUEUE_INITIALIZER(name, tsk) {0, (tsk), default_wake_function, {NULL, NULL}}
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)
#define DEFINE_WAIT_FUNC(name, function) \
	struct wait_queue_entry name = {0, current, function, LIST_HEAD_INIT((name).entry)}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x) __wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x) __wake_up_locked((x), TASK_NORMAL, 0)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr) __wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/* The loop every wait_event*() runs. `condition` and `sleep` may use the
 * result variable __ret (the timeout kinds keep the time left in it). A
 * signal the state lets in ends the wait with -ERESTARTSYS. */
#define __ksim_wait_event(wq_head, condition, state, exclusive, initial, sleep) \
	({ \
		struct wait_queue_entry __wq_entry; \
		long __ret = (initial); \
		init_wait_entry(&__wq_entry, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0); \
		for (;;) { \
			long __signalled = prepare_to_wait_event(&(wq_head), &__wq_entry, (state)); \
			if (condition) \
				break; \
			if (__signalled) { \
				__ret = __signalled; \
				break; \
			} \
			sleep; \
		} \
		finish_wait(&(wq_head), &__wq_entry); \
		__ret; \
	})

/* For the timeout kinds: true once the condition holds (then at least 1
 * jiffy is reported left) or the time ran out. */
#define __ksim_wait_timed_out(condition) \
	({ \
		bool __holds = (condition); \
		if (__holds && !__ret) \
			__ret = 1; \
		__holds || !__ret; \
	})

#define wait_event(wq_head, condition) \
	do { \
		might_sleep(); \
		if (condition) \
			break; \
		(void)__ksim_wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule()); \
	} while (0)

#define __ksim_wait_event_untimed(wq_head, condition, state, exclusive) \
	({ \
		int __result = 0; \
		might_sleep(); \
		if (!(condition)) \
			__result = (int)__ksim_wait_event(wq_head, condition, state, exclusive, 0, schedule()); \
		__result; \
	})

#define wait_event_interruptible(wq_head, condition) \
	__ksim_wait_event_untimed(wq_head, condition, TASK_INTERRUPTIBLE, 0)
#define wait_event_interruptible_exclusive(wq_head, condition) \
	__ksim_wait_event_untimed(wq_head, condition, TASK_INTERRUPTIBLE, 1)
#define wait_event_killable(wq_head, condition) __ksim_wait_event_untimed(wq_head, condition, TASK_KILLABLE, 0)
#define wait_event_idle(wq_head, condition) (void)__ksim_wait_event_untimed(wq_head, condition, TASK_IDLE, 0)

#define __ksim_wait_event_timed(wq_head, condition, state, timeout) \
	({ \
		long __ret = (timeout); \
		might_sleep(); \
		if (!__ksim_wait_timed_out(condition)) \
			__ret = __ksim_wait_event(wq_head, __ksim_wait_timed_out(condition), state, 0, timeout, \
				__ret = schedule_timeout(__ret)); \
		__ret; \
	})

#define wait_event_timeout(wq_head, condition, timeout) \
	__ksim_wait_event_timed(wq_head, condition, TASK_UNINTERRUPTIBLE, timeout)
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	__ksim_wait_event_timed(wq_head, condition, TASK_INTERRUPTIBLE, timeout)
#define wait_event_killable_timeout(wq_head, condition, timeout) \
	__ksim_wait_event_timed(wq_head, condition, TASK_KILLABLE, timeout)

#endif
