/* forgetful.c: registers a char device and a /proc file, and forgets to
 * remove them in its exit function. */
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int major;

static int forgetful_show(struct seq_file *m, void *v)
{
	seq_puts(m, "still here\n");
	return 0;
}

static int forgetful_open(struct inode *inode, struct file *file)
{
	return single_open(file, forgetful_show, NULL);
}

static const struct proc_ops forgetful_proc_ops = {
	.proc_open = forgetful_open,
	.proc_read = seq_read,
	.proc_release = single_release,
};

static const struct file_operations forgetful_fops = {
	.owner = THIS_MODULE,
};

static int __init forgetful_init(void)
{
	major = register_chrdev(0, "forgetful", &forgetful_fops);
	if (major < 0)
		return major;
	proc_create("forgetful", 0444, NULL, &forgetful_proc_ops);
	return 0;
}

static void __exit forgetful_exit(void)
{
	pr_info("forgetful: goodbye (but my device and /proc file stay)\n");
}

module_init(forgetful_init);
module_exit(forgetful_exit);
MODULE_LICENSE("GPL");
