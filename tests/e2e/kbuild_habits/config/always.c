#include <linux/module.h>

static int __init always_init(void)
{
	pr_info("always: loaded\n");
	return 0;
}
module_init(always_init);
MODULE_LICENSE("GPL");
