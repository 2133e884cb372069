/* rwbuf.c: a device that keeps what is written to it, with cdev and a
 * dynamically allocated region of two minors. Reads and seeks work at any
 * offset; writes past the buffer's end fail with -ENOSPC. */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define RWBUF_SIZE 256
#define RWBUF_DEVICES 2

struct rwbuf {
	char data[RWBUF_SIZE];
	size_t length;
	struct cdev cdev;
};

static dev_t first;
static struct rwbuf *buffers;
static struct class *rwbuf_class;

static int rwbuf_open(struct inode *inode, struct file *file)
{
	struct rwbuf *buf = container_of(inode->i_cdev, struct rwbuf, cdev);

	file->private_data = buf;
	if ((file->f_flags & O_ACCMODE) == O_WRONLY && (file->f_flags & O_TRUNC))
		buf->length = 0;
	return 0;
}

static ssize_t rwbuf_read(struct file *file, char __user *user, size_t count, loff_t *pos)
{
	struct rwbuf *buf = file->private_data;

	return simple_read_from_buffer(user, count, pos, buf->data, buf->length);
}

static ssize_t rwbuf_write(struct file *file, const char __user *user, size_t count, loff_t *pos)
{
	struct rwbuf *buf = file->private_data;

	if (*pos >= RWBUF_SIZE)
		return -ENOSPC;
	if (count > RWBUF_SIZE - *pos)
		count = RWBUF_SIZE - *pos;
	if (copy_from_user(buf->data + *pos, user, count))
		return -EFAULT;
	*pos += count;
	if (*pos > buf->length)
		buf->length = *pos;
	return count;
}

/* Readable while there is data past the file's position, writable while there is room. */
static __poll_t rwbuf_poll(struct file *file, poll_table *wait)
{
	struct rwbuf *buf = file->private_data;
	__poll_t mask = 0;

	if (file->f_pos < buf->length)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (buf->length < RWBUF_SIZE)
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

static loff_t rwbuf_llseek(struct file *file, loff_t offset, int whence)
{
	struct rwbuf *buf = file->private_data;

	return fixed_size_llseek(file, offset, whence, buf->length);
}

/* /sys/class/rwbuf/rwbufN/size: how many bytes the buffer holds. */
static ssize_t size_show(struct device *dev, struct device_attribute *attr, char *out)
{
	struct rwbuf *buf = dev_get_drvdata(dev);

	return sysfs_emit(out, "%zu\n", buf->length);
}
static DEVICE_ATTR_RO(size);

static const struct file_operations rwbuf_fops = {
	.owner = THIS_MODULE,
	.llseek = rwbuf_llseek,
	.read = rwbuf_read,
	.write = rwbuf_write,
	.poll = rwbuf_poll,
	.open = rwbuf_open,
};

static int __init rwbuf_init(void)
{
	int i, err;

	err = alloc_chrdev_region(&first, 0, RWBUF_DEVICES, "rwbuf");
	if (err)
		return err;
	buffers = kcalloc(RWBUF_DEVICES, sizeof(*buffers), GFP_KERNEL);
	if (!buffers) {
		err = -ENOMEM;
		goto unregister;
	}
	rwbuf_class = class_create(THIS_MODULE, "rwbuf");
	if (IS_ERR(rwbuf_class)) {
		err = PTR_ERR(rwbuf_class);
		goto free;
	}
	for (i = 0; i < RWBUF_DEVICES; i++) {
		struct device *dev;

		cdev_init(&buffers[i].cdev, &rwbuf_fops);
		buffers[i].cdev.owner = THIS_MODULE;
		cdev_add(&buffers[i].cdev, MKDEV(MAJOR(first), i), 1);
		dev = device_create(rwbuf_class, NULL, MKDEV(MAJOR(first), i), &buffers[i], "rwbuf%d", i);

		if (!IS_ERR(dev))
			device_create_file(dev, &dev_attr_size);
	}
	pr_info("rwbuf: %d devices, major %d\n", RWBUF_DEVICES, MAJOR(first));
	return 0;
free:
	kfree(buffers);
unregister:
	unregister_chrdev_region(first, RWBUF_DEVICES);
	return err;
}

static void __exit rwbuf_exit(void)
{
	int i;

	for (i = 0; i < RWBUF_DEVICES; i++) {
		device_destroy(rwbuf_class, MKDEV(MAJOR(first), i));
		cdev_del(&buffers[i].cdev);
	}
	class_destroy(rwbuf_class);
	kfree(buffers);
	unregister_chrdev_region(first, RWBUF_DEVICES);
}

module_init(rwbuf_init);
module_exit(rwbuf_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A read/write buffer char device");
