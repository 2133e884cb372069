/* Work queues: functions run later by a kernel worker thread (process
 * context, so they may sleep). ksim's one worker runs queued work whenever
 * the kernel has the CPU: between shell commands and while the shell sleeps. */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <ksim/deferred_abi.h>
#include <linux/kernel.h>
#include <linux/timer.h>

__KSIM_BEGIN_DECLS
bool schedule_work(struct work_struct *work);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...) __printf(1, 4);
void flush_workqueue(struct workqueue_struct *wq);
void destroy_workqueue(struct workqueue_struct *wq);
__KSIM_END_DECLS

#define WORK_CPU_UNBOUND 64
#define WQ_UNBOUND (1 << 1)
#define WQ_MEM_RECLAIM (1 << 3)
#define WQ_HIGHPRI (1 << 4)

#define INIT_WORK(_work, _func) ((_work)->data = 0, (_work)->entry.next = (_work)->entry.prev = NULL, (_work)->func = (_func))
#define __WORK_INITIALIZER(n, f) {0, {NULL, NULL}, (f)}
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define INIT_DELAYED_WORK(_work, _func) (INIT_WORK(&(_work)->work, (_func)), (_work)->wq = NULL, (_work)->cpu = 0)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = {__WORK_INITIALIZER(n.work, f), {{NULL, NULL}, 0, NULL, 0}, NULL, 0}
#define to_delayed_work(w) container_of(w, struct delayed_work, work)

#define alloc_ordered_workqueue(fmt, flags, ...) alloc_workqueue(fmt, WQ_UNBOUND | (flags), 1, ##__VA_ARGS__)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline void flush_scheduled_work(void)
{
	flush_workqueue(NULL);
}

#endif
