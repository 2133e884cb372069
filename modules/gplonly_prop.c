/* gplonly_prop: a proprietary module calling a GPL-only export; the kernel refuses it. */
#include <linux/module.h>

extern int provider_gpl_only(int x);

static int __init gplonly_prop_init(void)
{
	pr_info("gplonly_prop: provider_gpl_only(4) = %d\n", provider_gpl_only(4));
	return 0;
}

static void __exit gplonly_prop_exit(void)
{
	pr_info("gplonly_prop: unloaded\n");
}

module_init(gplonly_prop_init);
module_exit(gplonly_prop_exit);
MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("non-GPL module using a GPL-only symbol");
