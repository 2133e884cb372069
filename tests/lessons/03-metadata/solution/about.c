#include <linux/module.h>
#include <linux/printk.h>

static int __init about_init(void)
{
	pr_info("about: version 1.0\n");
	return 0;
}

static void __exit about_exit(void)
{
}

module_init(about_init);
module_exit(about_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("A. Learner <learner@example.com>");
MODULE_DESCRIPTION("Knows what it is");
MODULE_VERSION("1.0");
