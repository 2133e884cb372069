// A debugfs blob, and files that tell their reader the name they were opened
// by (file->f_path.dentry), as LKMPG's procfs examples print it.
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

static char greeting[] = "a blob of bytes from blob_demo\n";
static struct debugfs_blob_wrapper blob = {
	.data = greeting,
	.size = sizeof(greeting) - 1,
};
static struct dentry *dir;
static struct proc_dir_entry *proc_entry;

static ssize_t name_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char text[80];
	int len = scnprintf(text, sizeof(text), "opened as %s (%u bytes of name), in %s\n",
			    file->f_path.dentry->d_name.name, file->f_path.dentry->d_name.len, dir->d_name.name);

	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct file_operations name_fops = {
	.owner = THIS_MODULE,
	.read = name_read,
};

static const struct proc_ops name_proc_ops = {
	.proc_read = name_read,
};

static int __init blob_demo_init(void)
{
	dir = debugfs_create_dir("blob_demo", NULL);
	debugfs_create_blob("greeting", 0444, dir, &blob);
	debugfs_create_file("whoami", 0444, dir, NULL, &name_fops);
	proc_entry = proc_create("blob_demo_name", 0444, NULL, &name_proc_ops);
	return proc_entry ? 0 : -ENOMEM;
}

static void __exit blob_demo_exit(void)
{
	proc_remove(proc_entry);
	debugfs_remove_recursive(dir);
}

module_init(blob_demo_init);
module_exit(blob_demo_exit);
MODULE_LICENSE("GPL");
