/* leaky: allocates in init and frees only part of it in exit; ksim reports
 * the leftovers in dmesg when the module is removed. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

static char *kept;
static int *forgotten;

static int __init leaky_init(void)
{
	kept = kmalloc(32, GFP_KERNEL);
	forgotten = kcalloc(10, sizeof(*forgotten), GFP_KERNEL);
	if (!kept || !forgotten) {
		kfree(kept);
		kfree(forgotten);
		return -ENOMEM;
	}
	pr_info("leaky: allocated two buffers\n");
	return 0;
}

static void __exit leaky_exit(void)
{
	kfree(kept);
	pr_info("leaky: freed one of them\n");
}

module_init(leaky_init);
module_exit(leaky_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("forgets to free a buffer");
