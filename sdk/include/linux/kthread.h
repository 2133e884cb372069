/* Kernel threads: functions that run as tasks of their own until they return
 * or are told to stop. */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

#define NUMA_NO_NODE (-1)

struct completion;

__KSIM_BEGIN_DECLS
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char namefmt[], ...)
	__printf(4, 5);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_exit(long result) __attribute__((__noreturn__));
void kthread_complete_and_exit(struct completion *comp, long code) __attribute__((__noreturn__));
__KSIM_END_DECLS

#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##__VA_ARGS__)

#define kthread_run(threadfn, data, namefmt, ...) \
	({ \
		struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k)) \
			wake_up_process(__k); \
		__k; \
	})

#endif
