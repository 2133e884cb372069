/* userptr_bug.c: a driver with two classic bugs. Its read copies with
 * memcpy straight into the user's buffer (an Oops under SMAP); its write
 * hands copy_from_user a kernel pointer as the source (-EFAULT). */
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static char message[] = "hello from the kernel\n";

static ssize_t bug_read(struct file *file, char __user *user, size_t count, loff_t *pos)
{
	const size_t n = sizeof(message) - 1;

	if (*pos)
		return 0;
	if (count < n)
		return -EINVAL;
	/* Wrong: user memory needs copy_to_user(). A constant size, so every
	 * compiler copies inline and the Oops is in bug_read itself. */
	memcpy((char *)user, message, n);
	*pos = n;
	return n;
}

static ssize_t bug_write(struct file *file, const char __user *user, size_t count, loff_t *pos)
{
	char text[32];

	/* wrong: the source should be `user`, not a kernel buffer */
	if (copy_from_user(text, (const char __user *)message, min(count, sizeof(text))))
		return -EFAULT;
	return count;
}

static const struct file_operations bug_fops = {
	.owner = THIS_MODULE,
	.read = bug_read,
	.write = bug_write,
};

static struct miscdevice bug_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "userptr_bug",
	.fops = &bug_fops,
	.mode = 0666,
};

static int __init bug_init(void)
{
	return misc_register(&bug_device);
}

static void __exit bug_exit(void)
{
	misc_deregister(&bug_device);
}

module_init(bug_init);
module_exit(bug_exit);
MODULE_LICENSE("GPL");
