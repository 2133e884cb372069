/* spin.c: code that spins without ever sleeping, for the soft-lockup
 * watchdog. where=init (the default) spins in the init function, so insmod
 * never returns; where=thread starts a kernel thread, "spin_thread", that
 * spins while insmod returns. Either spins until
 * /sys/module/spin/parameters/stop is set to 1 (the thread, or until rmmod). */
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

static char *where = "init";
module_param(where, charp, 0444);
MODULE_PARM_DESC(where, "init: spin in the init function; thread: in a kernel thread");
static bool stop;
module_param(stop, bool, 0644);
MODULE_PARM_DESC(stop, "1 ends the spinning");

static struct task_struct *spinner;

/* No msleep(), no schedule(), no cond_resched(): nothing lets the CPU go. */
static noinline void spin_until_stopped(void)
{
	while (!READ_ONCE(stop))
		;
}

static int spin_thread(void *data)
{
	spin_until_stopped();
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int __init spin_init(void)
{
	if (strcmp(where, "thread") == 0) {
		spinner = kthread_run(spin_thread, NULL, "spin_thread");
		if (IS_ERR(spinner))
			return PTR_ERR(spinner);
		pr_info("spin: spin_thread spins\n");
		return 0;
	}
	pr_info("spin: init spins\n");
	spin_until_stopped();
	pr_info("spin: init stopped spinning\n");
	return 0;
}

static void __exit spin_exit(void)
{
	if (spinner) {
		WRITE_ONCE(stop, true);
		kthread_stop(spinner);
	}
	pr_info("spin: unloaded\n");
}

module_init(spin_init);
module_exit(spin_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Spins without sleeping, for the soft-lockup watchdog");
