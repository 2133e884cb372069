#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static unsigned int items = 10;
module_param(items, uint, 0444);
MODULE_PARM_DESC(items, "How many lines /proc/tally lists");

static void *tally_start(struct seq_file *m, loff_t *pos)
{
	return *pos < items ? pos : NULL;
}

static void *tally_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return *pos < items ? pos : NULL;
}

static void tally_stop(struct seq_file *m, void *v)
{
}

static int tally_show(struct seq_file *m, void *v)
{
	seq_printf(m, "item %lld\n", *(loff_t *)v);
	return 0;
}

static const struct seq_operations tally_seq_ops = {
	.start = tally_start,
	.next = tally_next,
	.stop = tally_stop,
	.show = tally_show,
};

static int tally_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &tally_seq_ops);
}

static const struct proc_ops tally_proc_ops = {
	.proc_open = tally_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static int __init tally_init(void)
{
	if (!proc_create("tally", 0444, NULL, &tally_proc_ops))
		return -ENOMEM;
	return 0;
}

static void __exit tally_exit(void)
{
}

module_init(tally_init);
module_exit(tally_exit);
MODULE_LICENSE("GPL");
