/* Lesson 6: exporting symbols. */
#include <linux/export.h>
#include <linux/module.h>
#include <linux/printk.h>

static int value;

int counter_next(void)
{
	/* TODO: return 1, 2, 3, ... on successive calls */
	return 0;
}

void counter_reset(void)
{
	value = 0;
}

/* TODO: EXPORT_SYMBOL(counter_next); EXPORT_SYMBOL_GPL(counter_reset); */

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
