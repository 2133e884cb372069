/* debugfs_demo.c: /sys/kernel/debug/ksim_debug/ with a u32 counter, a bool
 * flag and a file whose reads count up the counter. */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static struct dentry *dir;
static u32 counter;
static bool enabled = true;

static ssize_t hits_read(struct file *file, char __user *user, size_t count, loff_t *pos)
{
	char text[32];
	int length;

	if (*pos == 0 && enabled)
		counter++;
	length = snprintf(text, sizeof(text), "hits: %u\n", counter);
	return simple_read_from_buffer(user, count, pos, text, length);
}

static const struct file_operations hits_fops = {
	.owner = THIS_MODULE,
	.read = hits_read,
};

static int __init debugfs_demo_init(void)
{
	dir = debugfs_create_dir("ksim_debug", NULL);
	debugfs_create_u32("counter", 0644, dir, &counter);
	debugfs_create_bool("enabled", 0644, dir, &enabled);
	debugfs_create_file("hits", 0444, dir, NULL, &hits_fops);
	return 0;
}

static void __exit debugfs_demo_exit(void)
{
	debugfs_remove_recursive(dir);
}

module_init(debugfs_demo_init);
module_exit(debugfs_demo_exit);
MODULE_LICENSE("GPL");
