// /dev/caller: logs which process opens, writes and closes it (current's
// pid, parent, comm and uid), to show who runs a shell command.
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/sched.h>

static void log_caller(const char *what)
{
	pr_info("caller: %s by %s (pid %d, parent %d, uid %u)\n", what, current->comm, task_pid_nr(current),
		task_pid_nr(current->real_parent), __kuid_val(current_uid()));
}

static int caller_open(struct inode *inode, struct file *file)
{
	log_caller("open");
	return 0;
}

static ssize_t caller_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	log_caller("write");
	return count;
}

static int caller_release(struct inode *inode, struct file *file)
{
	log_caller("release");
	return 0;
}

static const struct file_operations caller_fops = {
	.owner = THIS_MODULE,
	.open = caller_open,
	.write = caller_write,
	.release = caller_release,
};

static struct miscdevice caller_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "caller",
	.fops = &caller_fops,
	.mode = 0666,
};

static int __init caller_init(void)
{
	return misc_register(&caller_device);
}

static void __exit caller_exit(void)
{
	misc_deregister(&caller_device);
}

module_init(caller_init);
module_exit(caller_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Logs the process behind each open, write and close");
