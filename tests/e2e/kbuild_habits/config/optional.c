#include <linux/module.h>

static int __init optional_init(void)
{
	pr_info("optional: loaded\n");
	return 0;
}
module_init(optional_init);
MODULE_LICENSE("GPL");
