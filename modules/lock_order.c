/* lock_order.c: lock orders lockdep reports before they deadlock. With
 * mode=0 init takes lock_a then lock_b, later lock_b then lock_a: an AB-BA
 * order that deadlocks once two tasks run the two paths at once, reported
 * the first time the second order is seen. With mode=1 it nests two mutexes
 * of one class (initialised at one mutex_init() call): recursive locking,
 * as far as lockdep can tell. */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

static int mode;
module_param(mode, int, 0444);

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);

struct bucket {
	struct mutex lock;
	int items;
};
static struct bucket buckets[2];

static void take_in_order(struct mutex *first, struct mutex *second)
{
	mutex_lock(first);
	mutex_lock(second);
	mutex_unlock(second);
	mutex_unlock(first);
}

static int __init lock_order_init(void)
{
	int i;

	if (mode == 0) {
		take_in_order(&lock_a, &lock_b);
		pr_info("lock_order: took lock_a then lock_b\n");
		take_in_order(&lock_b, &lock_a);
		pr_info("lock_order: took lock_b then lock_a\n");
		return 0;
	}
	for (i = 0; i < 2; i++)
		mutex_init(&buckets[i].lock);
	take_in_order(&buckets[0].lock, &buckets[1].lock);
	pr_info("lock_order: nested two buckets\n");
	return 0;
}

static void __exit lock_order_exit(void)
{
	pr_info("lock_order: unloaded\n");
}

module_init(lock_order_init);
module_exit(lock_order_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("AB-BA and recursive lock orders for lockdep");
