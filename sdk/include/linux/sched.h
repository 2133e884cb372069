/* Tasks: `current`, task states, and the calls that put a task to sleep or wake it. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <asm/current.h>
#include <ksim/sched_abi.h>
#include <linux/kernel.h>
#include <linux/types.h>

#define TASK_COMM_LEN KSIM_TASK_COMM_LEN

typedef struct ksim_sigset sigset_t;

#define TASK_RUNNING KSIM_TASK_RUNNING
#define TASK_INTERRUPTIBLE KSIM_TASK_INTERRUPTIBLE
#define TASK_UNINTERRUPTIBLE KSIM_TASK_UNINTERRUPTIBLE
#define TASK_DEAD KSIM_TASK_DEAD
#define TASK_WAKEKILL KSIM_TASK_WAKEKILL
#define TASK_NOLOAD KSIM_TASK_NOLOAD
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define PF_EXITING KSIM_PF_EXITING
#define PF_KTHREAD KSIM_PF_KTHREAD

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

__KSIM_BEGIN_DECLS
extern struct task_struct init_task;
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
int wake_up_process(struct task_struct *tsk);
int wake_up_state(struct task_struct *tsk, unsigned int state);
int __cond_resched(void);
void yield(void);
__KSIM_END_DECLS

/* The store is a full barrier, so a waker that sets the condition and then
 * looks at the state cannot miss this task (set_current_state()). */
#define __set_current_state(state_value) __atomic_store_n(&current->__state, (state_value), __ATOMIC_RELAXED)
#define set_current_state(state_value) __atomic_store_n(&current->__state, (state_value), __ATOMIC_SEQ_CST)
#define get_current_state() __atomic_load_n(&current->__state, __ATOMIC_RELAXED)
#define task_is_running(task) (__atomic_load_n(&(task)->__state, __ATOMIC_RELAXED) == TASK_RUNNING)

#define cond_resched() __cond_resched()

static inline pid_t task_pid_nr(struct task_struct *task)
{
	return task->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *task)
{
	return task->tgid;
}

static inline unsigned int task_cpu(const struct task_struct *task)
{
	return (unsigned int)task->cpu;
}

#endif
