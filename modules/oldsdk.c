/* oldsdk: a module built as if against an older kernel's SDK (its version
 * magic says 5.10.0-ksim), so insmod refuses it unless forced with -f. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init oldsdk_init(void)
{
	pr_info("oldsdk: loaded anyway\n");
	return 0;
}

static void __exit oldsdk_exit(void)
{
	pr_info("oldsdk: unloaded\n");
}

module_init(oldsdk_init);
module_exit(oldsdk_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("built against another release's SDK");
