/* start.c: the init half of a module built from two files. */
#include <linux/kernel.h>
#include <linux/module.h>

extern int provider_add(int a, int b);

int init_module(void)
{
	pr_info("startstop: start, provider_add(1, 2) = %d\n", provider_add(1, 2));
	return 0;
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a module built from two source files");
