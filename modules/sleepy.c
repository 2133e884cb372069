/* sleepy.c: a misc device whose read sleeps until something was written:
 * the blocking-read pattern. A reader with nothing to read sleeps until a
 * writer wakes it, or a signal (Ctrl-C) ends the read with EINTR. */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(readers);
static char note[64];
static size_t note_length;

static ssize_t sleepy_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	if (wait_event_interruptible(readers, note_length > 0))
		return -ERESTARTSYS;
	return simple_read_from_buffer(buf, count, pos, note, note_length);
}

static ssize_t sleepy_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	note_length = min(count, sizeof(note));
	if (copy_from_user(note, buf, note_length))
		return -EFAULT;
	wake_up_interruptible(&readers);
	return count;
}

static const struct file_operations sleepy_fops = {
	.owner = THIS_MODULE,
	.read = sleepy_read,
	.write = sleepy_write,
};

static struct miscdevice sleepy_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sleepy",
	.fops = &sleepy_fops,
	.mode = 0666,
};

static int __init sleepy_init(void)
{
	return misc_register(&sleepy_device);
}

static void __exit sleepy_exit(void)
{
	misc_deregister(&sleepy_device);
}

module_init(sleepy_init);
module_exit(sleepy_exit);
MODULE_LICENSE("GPL");
