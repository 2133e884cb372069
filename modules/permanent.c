/* permanent: has an init function but no exit, so it can never be removed
 * (lsmod shows [permanent]) unless rmmod -f forces it. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init permanent_init(void)
{
	pr_info("permanent: here to stay\n");
	return 0;
}

module_init(permanent_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("no exit function");
