/* Lesson 10: this module has two bugs. Find them from what the kernel reports. */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

struct inventory {
	int items;
	const char *label;
};

static struct inventory *stock;
static struct inventory *shown;

static int fixme_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s: %d items\n", shown->label, shown->items);
	return 0;
}

static int fixme_open(struct inode *inode, struct file *file)
{
	return single_open(file, fixme_show, NULL);
}

static const struct proc_ops fixme_proc_ops = {
	.proc_open = fixme_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init fixme_init(void)
{
	stock = kzalloc(sizeof(*stock), GFP_KERNEL);
	if (!stock)
		return -ENOMEM;
	stock->items = 42;
	stock->label = "fixme";
	if (!proc_create("fixme", 0444, NULL, &fixme_proc_ops)) {
		kfree(stock);
		return -ENOMEM;
	}
	pr_info("fixme: ready\n");
	return 0;
}

static void __exit fixme_exit(void)
{
	remove_proc_entry("fixme", NULL);
}

module_init(fixme_init);
module_exit(fixme_exit);
MODULE_LICENSE("GPL");
