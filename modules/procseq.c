/* procseq.c: /proc/procseq/records lists many records through seq_file's
 * start/next/stop/show; /proc/procseq/limit takes a number written to it
 * and sets how many records there are. */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

static unsigned long limit = 1000;
static struct proc_dir_entry *dir;

static void *records_start(struct seq_file *m, loff_t *pos)
{
	return *pos < limit ? pos : NULL;
}

static void *records_next(struct seq_file *m, void *v, loff_t *pos)
{
	(*pos)++;
	return *pos < limit ? pos : NULL;
}

static void records_stop(struct seq_file *m, void *v)
{
}

static int records_show(struct seq_file *m, void *v)
{
	loff_t n = *(loff_t *)v;

	seq_printf(m, "record %4lld: square %lld\n", n, n * n);
	return 0;
}

static const struct seq_operations records_ops = {
	.start = records_start,
	.next = records_next,
	.stop = records_stop,
	.show = records_show,
};

static int records_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &records_ops);
}

static const struct proc_ops records_proc_ops = {
	.proc_open = records_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static int limit_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%lu\n", limit);
	return 0;
}

static int limit_open(struct inode *inode, struct file *file)
{
	return single_open(file, limit_show, NULL);
}

static ssize_t limit_write(struct file *file, const char __user *user, size_t count, loff_t *pos)
{
	char text[16];
	unsigned long value;
	int err;

	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, user, count))
		return -EFAULT;
	text[count] = '\0';
	err = kstrtoul(text, 0, &value);
	if (err)
		return err;
	limit = value;
	return count;
}

static const struct proc_ops limit_proc_ops = {
	.proc_open = limit_open,
	.proc_read = seq_read,
	.proc_write = limit_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

/* proc_create_single(): one show function, no proc_ops of our own. */
static int summary_show(struct seq_file *m, void *v)
{
	unsigned long *value = m->private;

	seq_printf(m, "%lu records\n", *value);
	return 0;
}

static int __init procseq_init(void)
{
	struct proc_dir_entry *limit_entry;

	dir = proc_mkdir("procseq", NULL);
	if (!dir)
		return -ENOMEM;
	limit_entry = proc_create("limit", 0644, dir, &limit_proc_ops);
	if (!proc_create("records", 0444, dir, &records_proc_ops) || !limit_entry ||
	    !proc_create_single_data("summary", 0444, dir, summary_show, &limit)) {
		proc_remove(dir);
		return -ENOMEM;
	}
	/* The learner (uid 1000) owns the limit file and may write it. */
	proc_set_user(limit_entry, KUIDT_INIT(1000), KGIDT_INIT(1000));
	return 0;
}

static void __exit procseq_exit(void)
{
	proc_remove(dir);
}

module_init(procseq_init);
module_exit(procseq_exit);
MODULE_LICENSE("GPL");
