// miscdev.cpp: a misc device written in C++, with file_operations set by
// designated initialisers in Linux's member order. /dev/ksim_misc answers
// reads with the pid and name of the process reading it.
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

static ssize_t misc_read(struct file* file, char __user* user, size_t count, loff_t* pos)
{
    char text[64];
    int length = snprintf(text, sizeof text, "pid %d comm %s\n", current->pid, current->comm);
    return simple_read_from_buffer(user, count, pos, text, length);
}

static int misc_open(struct inode*, struct file* file)
{
    // misc_open() has already pointed private_data at our miscdevice.
    auto* self = static_cast<struct miscdevice*>(file->private_data);
    pr_info("%s: opened (minor %d)\n", self->name, self->minor);
    return 0;
}

static const struct file_operations misc_fops = {
    .owner = THIS_MODULE,
    .read = misc_read,
    .open = misc_open,
};

static struct miscdevice misc_device = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "ksim_misc",
    .fops = &misc_fops,
    .mode = 0444,
};

static int __init miscdev_init(void)
{
    return misc_register(&misc_device);
}

static void __exit miscdev_exit(void)
{
    misc_deregister(&misc_device);
}

module_init(miscdev_init);
module_exit(miscdev_exit);
MODULE_LICENSE("GPL");
