/* atomic_sleep.c: the classic mistakes of sleeping where Linux forbids it:
 * mutex_lock() and msleep() with a spinlock held, and msleep() in a timer. */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(mutex);
static struct timer_list timer;
static DECLARE_COMPLETION(fired);

static void naps_in_softirq(struct timer_list *t)
{
	pr_info("atomic_sleep: in_softirq()=%d in the timer\n", in_softirq() ? 1 : 0);
	msleep(1);
	complete(&fired);
}

static int __init atomic_sleep_init(void)
{
	spin_lock(&lock);
	mutex_lock(&mutex);
	mutex_unlock(&mutex);
	msleep(1);
	spin_unlock(&lock);
	pr_info("atomic_sleep: in_atomic()=%d after the unlock\n", in_atomic() ? 1 : 0);
	timer_setup(&timer, naps_in_softirq, 0);
	mod_timer(&timer, jiffies);
	wait_for_completion(&fired);
	return 0;
}

static void __exit atomic_sleep_exit(void)
{
	del_timer_sync(&timer);
}

module_init(atomic_sleep_init);
module_exit(atomic_sleep_exit);
MODULE_LICENSE("GPL");
