/* fault_deferred: a NULL dereference in the deferred function named by
 * `crash`: timer, tasklet or work. Timers and tasklets run in softirq
 * context, where Linux panics; work runs in a kernel worker. With
 * flush=1, init waits for the work with flush_work() and then faults
 * itself: the kernel still catches that second fault. */
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static char* crash = "work";
module_param(crash, charp, 0444);
static bool flush;
module_param(flush, bool, 0444);

static int* volatile nowhere;
static struct timer_list timer;

static void timer_fn(struct timer_list* t)
{
    *nowhere = 1;
}

static void tasklet_fn(struct tasklet_struct* t)
{
    *nowhere = 2;
}
static DECLARE_TASKLET(tasklet, tasklet_fn);

static void work_fn(struct work_struct* w)
{
    *nowhere = 3;
}
static DECLARE_WORK(work, work_fn);

static int __init fault_deferred_init(void)
{
    if (sysfs_streq(crash, "timer")) {
        timer_setup(&timer, timer_fn, 0);
        mod_timer(&timer, jiffies + msecs_to_jiffies(100));
    } else if (sysfs_streq(crash, "tasklet")) {
        tasklet_schedule(&tasklet);
    } else {
        schedule_work(&work);
    }
    if (flush) {
        flush_work(&work);
        pr_info("fault_deferred: flush_work returned\n");
        *nowhere = 4;
    }
    return 0;
}

static void __exit fault_deferred_exit(void)
{
    del_timer_sync(&timer);
    tasklet_kill(&tasklet);
    cancel_work_sync(&work);
}

module_init(fault_deferred_init);
module_exit(fault_deferred_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a NULL dereference in a timer, tasklet or work");
