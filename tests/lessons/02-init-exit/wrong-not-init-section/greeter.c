#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static char message[] = "nice to meet you";

static int greeter_init(void)
{
	pr_info("greeter: %s\n", message);
	return 0;
}

static void __exit greeter_exit(void)
{
	pr_info("greeter: bye\n");
}

module_init(greeter_init);
module_exit(greeter_exit);

MODULE_LICENSE("GPL");
