/* Lesson 8: /proc/tally with seq_file. */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static unsigned int items = 10;
module_param(items, uint, 0444);
MODULE_PARM_DESC(items, "How many lines /proc/tally lists");

/* TODO: start, next, stop and show, a struct seq_operations, an open
 *       method calling seq_open, and a struct proc_ops using seq_read,
 *       seq_lseek and seq_release */

static int __init tally_init(void)
{
	/* TODO: proc_create("tally", 0444, NULL, &your_proc_ops) */
	return 0;
}

static void __exit tally_exit(void)
{
	/* TODO */
}

module_init(tally_init);
module_exit(tally_exit);
MODULE_LICENSE("GPL");
