/* symget.c: finds provider_add while running, with symbol_get, instead of
 * linking against it: it loads without provider, and while it holds the
 * symbol, provider cannot be removed. */
#include <linux/module.h>

extern int provider_add(int a, int b);

static int (*add)(int, int);

static int __init symget_init(void)
{
	add = symbol_get(provider_add);
	if (!add) {
		pr_info("symget: provider_add is not there\n");
		return 0;
	}
	pr_info("symget: provider_add(2, 3) = %d\n", add(2, 3));
	return 0;
}

static void __exit symget_exit(void)
{
	if (add)
		symbol_put(provider_add);
}

module_init(symget_init);
module_exit(symget_exit);
MODULE_LICENSE("GPL");
