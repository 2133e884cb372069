// An old-style declaration without a prototype.
#include <linux/module.h>

static int oldstyle_helper()
{
	return 0;
}

static int __init oldstyle_init(void)
{
	return oldstyle_helper();
}
module_init(oldstyle_init);
MODULE_LICENSE("GPL");
