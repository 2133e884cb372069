/* ioctl_dev.c: a misc device controlled by ioctl: read and set a value,
 * reset it, and fetch the name of the device; unknown commands get -ENOTTY. */
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define IOCTL_DEV_MAGIC 'k'
#define IOCTL_DEV_RESET _IO(IOCTL_DEV_MAGIC, 0)
#define IOCTL_DEV_GET _IOR(IOCTL_DEV_MAGIC, 1, int)
#define IOCTL_DEV_SET _IOW(IOCTL_DEV_MAGIC, 2, int)
#define IOCTL_DEV_NAME _IOR(IOCTL_DEV_MAGIC, 3, char[16])

static int value = 42;

static long ioctl_dev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int __user *user = (int __user *)arg;
	int new_value;

	switch (cmd) {
	case IOCTL_DEV_RESET:
		value = 0;
		return 0;
	case IOCTL_DEV_GET:
		return put_user(value, user);
	case IOCTL_DEV_SET:
		if (get_user(new_value, user))
			return -EFAULT;
		if (new_value < 0)
			return -EINVAL;
		value = new_value;
		return 0;
	case IOCTL_DEV_NAME:
		if (copy_to_user((void __user *)arg, "ioctl_dev", 10))
			return -EFAULT;
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ioctl_dev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = ioctl_dev_ioctl,
};

static struct miscdevice ioctl_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ioctl_dev",
	.fops = &ioctl_dev_fops,
};

static int __init ioctl_dev_init(void)
{
	return misc_register(&ioctl_dev);
}

static void __exit ioctl_dev_exit(void)
{
	misc_deregister(&ioctl_dev);
}

module_init(ioctl_dev_init);
module_exit(ioctl_dev_exit);
MODULE_LICENSE("GPL");
