/* fault_sysfs: /sys/kernel/fault_sysfs/limit's store() indexes a table with
 * the number written, unchecked; a large one lands in unmapped memory. */
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/sysfs.h>

static struct kobject* kobj;
static int table[4];
static int last;

static ssize_t limit_show(struct kobject* k, struct kobj_attribute* attr, char* buf)
{
    return sysfs_emit(buf, "%d\n", last);
}

static ssize_t limit_store(struct kobject* k, struct kobj_attribute* attr, const char* buf, size_t count)
{
    long index;
    int ret = kstrtol(buf, 0, &index);

    if (ret)
        return ret;
    last = table[index]; /* the bug: no bounds check */
    return count;
}

static struct kobj_attribute limit_attribute = __ATTR_RW(limit);

static int __init fault_sysfs_init(void)
{
    kobj = kobject_create_and_add("fault_sysfs", kernel_kobj);
    if (!kobj)
        return -ENOMEM;
    return sysfs_create_file(kobj, &limit_attribute.attr);
}

static void __exit fault_sysfs_exit(void)
{
    kobject_put(kobj);
}

module_init(fault_sysfs_init);
module_exit(fault_sysfs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("unchecked index in a sysfs store");
