/* Lesson 7: a char device that one process at a time may open. */
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define NAME "onedev"

static int major;
static struct class *cls;
static atomic_t in_use = ATOMIC_INIT(0);
static const char message[] = "Hello from onedev\n";

static int onedev_open(struct inode *inode, struct file *file)
{
	/* TODO: refuse with -EBUSY when already open */
	return 0;
}

static int onedev_release(struct inode *inode, struct file *file)
{
	/* TODO */
	return 0;
}

static ssize_t onedev_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	/* TODO: copy message to user space from *pos, advance *pos, return 0 at the end */
	return 0;
}

static const struct file_operations onedev_fops = {
	.owner = THIS_MODULE,
	.read = onedev_read,
	.open = onedev_open,
	.release = onedev_release,
};

static int __init onedev_init(void)
{
	/* TODO: register_chrdev(0, NAME, &onedev_fops), class_create, device_create */
	return 0;
}

static void __exit onedev_exit(void)
{
	/* TODO: undo init, in reverse order */
}

module_init(onedev_init);
module_exit(onedev_exit);
MODULE_LICENSE("GPL");
