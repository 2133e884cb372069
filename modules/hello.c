/* hello: the first module of every course (LKMPG's hello-1, old-style entry points). */
#include <linux/kernel.h>
#include <linux/module.h>

int init_module(void)
{
	pr_info("Hello world 1.\n");
	/* A non-zero return means init_module failed; the module can't be loaded. */
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye world 1.\n");
}

MODULE_LICENSE("GPL");
