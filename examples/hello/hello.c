/* hello: your first module. Edit the messages, rebuild, and load it again. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static char *whom = "world";
module_param(whom, charp, 0644);
MODULE_PARM_DESC(whom, "Whom to greet");

static int __init hello_init(void)
{
	pr_info("Hello, %s!\n", whom);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("Goodbye, %s!\n", whom);
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("A learner");
MODULE_DESCRIPTION("A first out-of-tree module");
