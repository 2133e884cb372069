#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define KNOB_RESET _IO('K', 0)
#define KNOB_GET _IOR('K', 1, int)
#define KNOB_SET _IOW('K', 2, int)

static int level = 50;

static long knob_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int __user *user = (int __user *)arg;
	int value;

	switch (cmd) {
	case KNOB_RESET:
		level = 50;
		return 0;
	case KNOB_GET:
		return put_user(level, user);
	case KNOB_SET:
		if (get_user(value, user))
			return -EFAULT;
		if (value >= 0 && value <= 100)
			level = value;
		return 0; /* says yes to a value it ignored */
	default:
		return -ENOTTY;
	}
}

static const struct file_operations knob_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = knob_ioctl,
};

static struct miscdevice knob_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "knob",
	.fops = &knob_fops,
};

static int __init knob_init(void)
{
	return misc_register(&knob_device);
}

static void __exit knob_exit(void)
{
	misc_deregister(&knob_device);
}

module_init(knob_init);
module_exit(knob_exit);
MODULE_LICENSE("GPL");
