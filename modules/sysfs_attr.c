/* sysfs_attr.c: /sys/kernel/ksim_sysfs/ with a read-write attribute
 * (`value`) and a read-only one (`doubled`), as kobject-example.c does. */
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/sysfs.h>

static int value;
static struct kobject *example_kobj;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
	int ret = kstrtoint(buf, 10, &value);

	if (ret < 0)
		return ret;
	return count;
}

static ssize_t doubled_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", value * 2);
}

static struct kobj_attribute value_attribute = __ATTR_RW(value);
static struct kobj_attribute doubled_attribute = __ATTR_RO(doubled);

static struct attribute *attrs[] = {
	&value_attribute.attr,
	&doubled_attribute.attr,
	NULL,
};

static struct attribute_group attr_group = {
	.attrs = attrs,
};

static int __init sysfs_attr_init(void)
{
	int retval;

	example_kobj = kobject_create_and_add("ksim_sysfs", kernel_kobj);
	if (!example_kobj)
		return -ENOMEM;
	retval = sysfs_create_group(example_kobj, &attr_group);
	if (retval)
		kobject_put(example_kobj);
	return retval;
}

static void __exit sysfs_attr_exit(void)
{
	kobject_put(example_kobj);
}

module_init(sysfs_attr_init);
module_exit(sysfs_attr_exit);
MODULE_LICENSE("GPL");
