/* `current`: the task the kernel is running for (the process that made the system call). */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <ksim/fs_abi.h>
#include <linux/types.h>

#define TASK_COMM_LEN KSIM_TASK_COMM_LEN

__KSIM_BEGIN_DECLS
struct task_struct *get_current(void);
__KSIM_END_DECLS

#define current get_current()

static inline pid_t task_pid_nr(struct task_struct *task)
{
	return task->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *task)
{
	return task->tgid;
}

#endif
