// A non-void function that falls off its end.
#include <linux/module.h>

static int __init noreturn_init(void)
{
	pr_info("noreturn: forgot the return\n");
}
module_init(noreturn_init);
MODULE_LICENSE("GPL");
