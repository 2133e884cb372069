// module_init and module_exit without a semicolon, as Linux allows.
#include <linux/init.h>
#include <linux/module.h>

static int __init twopart_init(void)
{
	pr_info("twopart: built from a two-part Makefile for %s\n", UTS_RELEASE_SEEN);
	return 0;
}

static void __exit twopart_exit(void)
{
	pr_info("twopart: gone\n");
}

module_init(twopart_init)
module_exit(twopart_exit)
MODULE_LICENSE("GPL");
