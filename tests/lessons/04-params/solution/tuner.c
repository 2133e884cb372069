#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static int count = 1;
static char *name = "tuner";
static int levels[4];
static int nr_levels;

module_param(count, int, 0644);
MODULE_PARM_DESC(count, "How many times to do it");
module_param(name, charp, 0444);
MODULE_PARM_DESC(name, "What the tuner is called");
module_param_array(levels, int, &nr_levels, 0444);
MODULE_PARM_DESC(levels, "Up to four levels");

static int __init tuner_init(void)
{
	pr_info("tuner: count=%d name=%s levels=%d\n", count, name, nr_levels);
	return 0;
}

static void __exit tuner_exit(void)
{
}

module_init(tuner_init);
module_exit(tuner_exit);
MODULE_LICENSE("GPL");
