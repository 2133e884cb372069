// A declaration after a statement: Linux warns and builds.
#include <linux/module.h>

static int __init mixed_init(void)
{
	pr_info("mixed: loaded\n");
	int late = 0;

	return late;
}
module_init(mixed_init);
MODULE_LICENSE("GPL");
