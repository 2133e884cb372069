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
	return 0;
}

static int onedev_release(struct inode *inode, struct file *file)
{
	atomic_set(&in_use, 0);
	return 0;
}

static ssize_t onedev_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return simple_read_from_buffer(buf, count, pos, message, sizeof(message) - 1);
}

static const struct file_operations onedev_fops = {
	.owner = THIS_MODULE,
	.read = onedev_read,
	.open = onedev_open,
	.release = onedev_release,
};

static int __init onedev_init(void)
{
	struct device *dev;

	major = register_chrdev(0, NAME, &onedev_fops);
	if (major < 0)
		return major;
	cls = class_create(THIS_MODULE, NAME);
	if (IS_ERR(cls)) {
		unregister_chrdev(major, NAME);
		return PTR_ERR(cls);
	}
	dev = device_create(cls, NULL, MKDEV(major, 0), NULL, NAME);
	if (IS_ERR(dev)) {
		class_destroy(cls);
		unregister_chrdev(major, NAME);
		return PTR_ERR(dev);
	}
	pr_info("onedev: major %d\n", major);
	return 0;
}

static void __exit onedev_exit(void)
{
	device_destroy(cls, MKDEV(major, 0));
	class_destroy(cls);
	unregister_chrdev(major, NAME);
}

module_init(onedev_init);
module_exit(onedev_exit);
MODULE_LICENSE("GPL");
