/* fault_fops: a misc device whose file operation named by `crash` faults,
 * each with a different bug, so each of Linux's reports can be seen:
 *   open     NULL read                 (page fault: Killed)
 *   read     NULL write                (page fault: Killed)
 *   write    BUG_ON                    (invalid opcode: Segmentation fault)
 *   ioctl    division by zero          (divide error: Segmentation fault)
 *   llseek   non-canonical pointer     (general protection: Segmentation fault)
 *   poll     call through NULL         (instruction fetch: Killed)
 *   release  NULL write                (page fault at close) */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/string.h>

static char* crash = "none";
module_param(crash, charp, 0644);

static int* volatile nowhere;
/* What a list_del()ed entry's next pointer holds on x86-64 Linux (LIST_POISON1). */
static long* volatile poisoned = (long*)0xdead000000000100UL;
static long (*volatile hook)(long);
static volatile int divisor;

static bool crashes(const char* op)
{
    return sysfs_streq(crash, op);
}

static int fops_open(struct inode* inode, struct file* file)
{
    if (crashes("open"))
        return *nowhere;
    return 0;
}

static ssize_t fops_read(struct file* file, char __user* buf, size_t count, loff_t* pos)
{
    if (crashes("read"))
        *nowhere = 1;
    return 0;
}

static ssize_t fops_write(struct file* file, const char __user* buf, size_t count, loff_t* pos)
{
    BUG_ON(crashes("write"));
    return count;
}

static long fops_ioctl(struct file* file, unsigned int cmd, unsigned long arg)
{
    if (crashes("ioctl"))
        return 100 / divisor;
    return 0;
}

static loff_t fops_llseek(struct file* file, loff_t offset, int whence)
{
    if (crashes("llseek"))
        return *poisoned;
    return 0;
}

static __poll_t fops_poll(struct file* file, struct poll_table_struct* wait)
{
    if (crashes("poll"))
        return hook(1);
    return EPOLLIN | EPOLLRDNORM;
}

static int fops_release(struct inode* inode, struct file* file)
{
    if (crashes("release"))
        *nowhere = 2;
    return 0;
}

static const struct file_operations fault_fops_fops = {
    .owner = THIS_MODULE,
    .open = fops_open,
    .read = fops_read,
    .write = fops_write,
    .unlocked_ioctl = fops_ioctl,
    .llseek = fops_llseek,
    .poll = fops_poll,
    .release = fops_release,
};

static struct miscdevice fault_fops_device = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "fault_fops",
    .fops = &fault_fops_fops,
    .mode = 0666,
};

static int __init fault_fops_init(void)
{
    return misc_register(&fault_fops_device);
}

static void __exit fault_fops_exit(void)
{
    misc_deregister(&fault_fops_device);
}

module_init(fault_fops_init);
module_exit(fault_fops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a fault in the file operation named by crash=");
