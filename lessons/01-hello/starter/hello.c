/* Lesson 1: the smallest module. */
#include <linux/module.h>
#include <linux/printk.h>

int init_module(void)
{
	/* TODO: print "Hello, world" with pr_info() */
	return 0;
}

void cleanup_module(void)
{
	/* TODO: print "Goodbye, world" */
}

/* TODO: declare the licence */
