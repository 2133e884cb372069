/* counter_user.c: uses what counter.ko exports. */
#include <linux/module.h>
#include <linux/printk.h>

int counter_next(void);

static int __init counter_user_init(void)
{
	int a = counter_next(), b = counter_next(), c = counter_next();

	pr_info("counter_user: got %d %d %d\n", a, b, c);
	return 0;
}

static void __exit counter_user_exit(void)
{
	pr_info("counter_user: bye\n");
}

module_init(counter_user_init);
module_exit(counter_user_exit);
MODULE_LICENSE("GPL");
