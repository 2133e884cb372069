/* ticker.c: a timer that re-arms itself every 200 ms for `ticks` ticks, work
 * for the kernel's worker thread, and a tasklet. With forget=1 its exit
 * leaves the timer armed: the classic missing del_timer_sync(). */
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static int ticks = 3;
module_param(ticks, int, 0444);
static bool forget;
module_param(forget, bool, 0444);

static struct timer_list timer;
static int count;
static unsigned long started;

static void tick(struct timer_list *t)
{
	count++;
	pr_info("ticker: tick %d after %u ms, in %s\n", count, jiffies_to_msecs(jiffies - started) / 100 * 100,
		current->comm);
	if (count < ticks)
		mod_timer(t, jiffies + msecs_to_jiffies(200));
}

static void work_fn(struct work_struct *work)
{
	pr_info("ticker: work runs in %s\n", current->comm);
}
static DECLARE_WORK(work, work_fn);

static void tasklet_fn(struct tasklet_struct *t)
{
	pr_info("ticker: tasklet runs in %s\n", current->comm);
}
static DECLARE_TASKLET(tasklet, tasklet_fn);

static int __init ticker_init(void)
{
	started = jiffies;
	timer_setup(&timer, tick, 0);
	mod_timer(&timer, jiffies + msecs_to_jiffies(200));
	schedule_work(&work);
	tasklet_schedule(&tasklet);
	pr_info("ticker: HZ=%d, timer armed\n", HZ);
	return 0;
}

static void __exit ticker_exit(void)
{
	if (!forget)
		del_timer_sync(&timer);
	cancel_work_sync(&work);
	tasklet_kill(&tasklet);
}

module_init(ticker_init);
module_exit(ticker_exit);
MODULE_LICENSE("GPL");
