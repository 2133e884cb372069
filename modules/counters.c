/* counters.c: kernel threads that race on one counter. Each thread adds
 * `loops` to the counter, guarded by a spinlock when `locked` is set, then
 * reports through a completion that init waits for; it then sleeps until
 * rmmod stops it with kthread_stop(). Unguarded, updates can be lost. */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define MAX_THREADS 4

static int threads = 2;
module_param(threads, int, 0444);
MODULE_PARM_DESC(threads, "how many threads count (1-4)");
static int loops = 100000;
module_param(loops, int, 0444);
static bool locked = true;
module_param(locked, bool, 0444);

static DEFINE_SPINLOCK(counter_lock);
static long counter;
static DECLARE_COMPLETION(counted);
static struct task_struct *workers[MAX_THREADS];

static int count(void *data)
{
	int i;

	for (i = 0; i < loops; i++) {
		if (locked) {
			spin_lock(&counter_lock);
			counter++;
			spin_unlock(&counter_lock);
		} else {
			/* A read, then a write: another CPU's increment in between is lost. */
			long seen = READ_ONCE(counter);
			WRITE_ONCE(counter, seen + 1);
		}
	}
	complete(&counted);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return (int)(long)data;
}

static int __init counters_init(void)
{
	int i;

	if (threads < 1 || threads > MAX_THREADS)
		return -EINVAL;
	for (i = 0; i < threads; i++) {
		workers[i] = kthread_run(count, (void *)(long)i, "counter/%d", i);
		if (IS_ERR(workers[i]))
			return PTR_ERR(workers[i]);
	}
	for (i = 0; i < threads; i++)
		wait_for_completion(&counted);
	pr_info("counters: %d threads x %d loops, %s: %ld\n", threads, loops, locked ? "locked" : "unlocked",
		counter);
	return 0;
}

static void __exit counters_exit(void)
{
	int i;

	for (i = 0; i < threads; i++)
		pr_info("counters: %s stopped, returned %d\n", workers[i]->comm, kthread_stop(workers[i]));
}

module_init(counters_init);
module_exit(counters_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kernel threads racing on a counter");
