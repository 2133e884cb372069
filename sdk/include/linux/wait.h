/* Wait queues. ksim runs one task at a time: while a task sleeps nothing else
 * runs, so nothing could ever wake it. A wait whose condition is false
 * therefore ends at once: the interruptible kinds as if a signal had come
 * (-ERESTARTSYS, which user space sees as EINTR), the others after the
 * report Linux's hung-task detector would print. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

typedef struct wait_queue_head {
	int sleepers;
} wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {0}
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(wait_queue_head_t *wq_head)
{
	wq_head->sleepers = 0;
}

__KSIM_BEGIN_DECLS
/* Reports the wait that can never end; returns -ERESTARTSYS for the
 * interruptible kinds, 0 for the others. */
int __ksim_wait_never_woken(const char *condition, bool interruptible);
__KSIM_END_DECLS

#define wake_up(wq_head) ((void)(wq_head))
#define wake_up_all(wq_head) ((void)(wq_head))
#define wake_up_interruptible(wq_head) ((void)(wq_head))
#define wake_up_interruptible_all(wq_head) ((void)(wq_head))

#define wait_event_interruptible(wq_head, condition) \
	((void)(wq_head), (condition) ? 0 : __ksim_wait_never_woken(#condition, true))
#define wait_event_killable(wq_head, condition) wait_event_interruptible(wq_head, condition)
#define wait_event(wq_head, condition) \
	((void)(wq_head), (condition) ? (void)0 : (void)__ksim_wait_never_woken(#condition, false))
/* The timeout passes at once: 0 if the condition is still false, else 1. */
#define wait_event_timeout(wq_head, condition, timeout) \
	((void)(wq_head), (void)(timeout), (condition) ? 1L : 0L)
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)

#endif
