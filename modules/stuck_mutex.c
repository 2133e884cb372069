/* stuck_mutex.c: a kernel thread blocked for good on a mutex, for the
 * hung-task detector. "holder" takes the mutex and sleeps (interruptibly)
 * until rmmod stops it; "waiter" sleeps uninterruptibly in mutex_lock(),
 * state D, until then. rmmod stops the holder first, which lets the
 * waiter have the mutex, then stops the waiter. */
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>

static DEFINE_MUTEX(stuck_lock);
static DECLARE_COMPLETION(held);
static struct task_struct *holder, *waiter;

static void sleep_until_stopped(void)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
}

static int hold(void *data)
{
	mutex_lock(&stuck_lock);
	complete(&held);
	sleep_until_stopped();
	mutex_unlock(&stuck_lock);
	return 0;
}

static int wait_for_lock(void *data)
{
	mutex_lock(&stuck_lock);
	mutex_unlock(&stuck_lock);
	sleep_until_stopped();
	return 0;
}

static int __init stuck_mutex_init(void)
{
	holder = kthread_run(hold, NULL, "holder");
	if (IS_ERR(holder))
		return PTR_ERR(holder);
	wait_for_completion(&held);
	waiter = kthread_run(wait_for_lock, NULL, "waiter");
	if (IS_ERR(waiter)) {
		kthread_stop(holder);
		return PTR_ERR(waiter);
	}
	pr_info("stuck_mutex: waiter blocks on a mutex holder keeps\n");
	return 0;
}

static void __exit stuck_mutex_exit(void)
{
	kthread_stop(holder);
	kthread_stop(waiter);
	pr_info("stuck_mutex: both threads stopped\n");
}

module_init(stuck_mutex_init);
module_exit(stuck_mutex_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kernel thread blocked on a mutex, for khungtaskd");
