/* Signals a task has pending, and walking every task (for_each_process). */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGKILL 9
#define SIGUSR1 10
#define SIGUSR2 12
#define SIGTERM 15

#define _NSIG KSIM_NSIG
#define _NSIG_BPW KSIM_NSIG_BPW
#define _NSIG_WORDS KSIM_NSIG_WORDS

static inline int sigismember(sigset_t *set, int sig)
{
	return (set->sig[(sig - 1) / _NSIG_BPW] >> ((sig - 1) % _NSIG_BPW)) & 1;
}

__KSIM_BEGIN_DECLS
int send_sig(int sig, struct task_struct *p, int priv);
__KSIM_END_DECLS

static inline int signal_pending(struct task_struct *p)
{
	return __atomic_load_n(&p->sigpending, __ATOMIC_RELAXED) != 0;
}

/* Kernel threads ignore signals unless they allow them; ksim delivers none to them. */
static inline void allow_signal(int sig)
{
	(void)sig;
}

#define next_task(p) list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task;)

#endif
