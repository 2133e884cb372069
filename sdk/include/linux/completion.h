/* Completions: one task waits until another says it is done. */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <ksim/sched_abi.h>
#include <linux/wait.h>

__KSIM_BEGIN_DECLS
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);
__KSIM_END_DECLS

#define COMPLETION_INITIALIZER(work) {0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait)}
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

#endif
