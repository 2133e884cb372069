#include <linux/export.h>
#include <linux/module.h>
#include <linux/printk.h>

static int value;

int counter_next(void)
{
	return ++value;
}
EXPORT_SYMBOL(counter_next);

void counter_reset(void)
{
	value = 0;
}
EXPORT_SYMBOL_GPL(counter_reset);

static int __init counter_init(void)
{
	return 0;
}

static void __exit counter_exit(void)
{
}

module_init(counter_init);
module_exit(counter_exit);
MODULE_LICENSE("GPL");
