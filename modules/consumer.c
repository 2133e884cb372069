/* consumer: calls provider_add from provider.ko. */
#include <linux/module.h>

extern int provider_add(int a, int b);

static int __init consumer_init(void)
{
	pr_info("consumer: provider_add(2, 3) = %d\n", provider_add(2, 3));
	return 0;
}

static void __exit consumer_exit(void)
{
	pr_info("consumer: unloaded\n");
}

module_init(consumer_init);
module_exit(consumer_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("calls provider_add from provider.ko");
