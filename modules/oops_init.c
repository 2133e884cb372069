/* oops_init: dereferences NULL in its init function; ksim answers with an Oops. */
#include <linux/module.h>

static int *volatile null_ptr;

static int __init oops_init_init(void)
{
	pr_info("oops_init: about to dereference NULL\n");
	*null_ptr = 42;
	pr_info("oops_init: still alive?\n");
	return 0;
}

static void __exit oops_init_exit(void)
{
	pr_info("oops_init: exit\n");
}

module_init(oops_init_init);
module_exit(oops_init_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("NULL dereference in init");
