/* provider: exports one plain and one GPL-only symbol. */
#include <linux/module.h>

int provider_add(int a, int b)
{
	pr_info("provider: provider_add(%d, %d)\n", a, b);
	return a + b;
}
EXPORT_SYMBOL(provider_add);

int provider_gpl_only(int x)
{
	pr_info("provider: provider_gpl_only(%d)\n", x);
	return 2 * x;
}
EXPORT_SYMBOL_GPL(provider_gpl_only);

static int __init provider_init(void)
{
	pr_info("provider: loaded\n");
	return 0;
}

static void __exit provider_exit(void)
{
	pr_info("provider: unloaded\n");
}

module_init(provider_init);
module_exit(provider_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("ksim");
MODULE_DESCRIPTION("exports provider_add (EXPORT_SYMBOL) and provider_gpl_only (EXPORT_SYMBOL_GPL)");
MODULE_VERSION("1.0");
