/* stop.c: the exit half of a module built from two files. */
#include <linux/kernel.h>
#include <linux/module.h>

void cleanup_module(void)
{
	pr_info("startstop: stop\n");
}
