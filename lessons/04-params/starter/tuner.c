/* Lesson 4: parameters. */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static int count = 1;
static char *name = "tuner";
static int levels[4];
static int nr_levels;

/* TODO: module_param(count, ...), module_param(name, ...), module_param_array(levels, ...)
 *       and a MODULE_PARM_DESC for each */

static int __init tuner_init(void)
{
	/* TODO: print "tuner: count=%d name=%s levels=%d" */
	return 0;
}

static void __exit tuner_exit(void)
{
}

module_init(tuner_init);
module_exit(tuner_exit);
MODULE_LICENSE("GPL");
