#include <linux/module.h>

static int __init chosen_init(void)
{
	pr_info("chosen: read from the Kbuild file\n");
	return 0;
}
module_init(chosen_init);
MODULE_LICENSE("GPL");
