/* fault_param: a parameter with its own kernel_param_ops whose callbacks
 * fault: set() on "crash" (at insmod or on a write to
 * /sys/module/fault_param/parameters/level), get() once level is 13, and
 * free() at unload once level is 7. */
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

static int level = 1;
static int* volatile nowhere;

static int level_set(const char* val, const struct kernel_param* kp)
{
    if (sysfs_streq(val, "crash"))
        *nowhere = 1;
    return param_set_int(val, kp);
}

static int level_get(char* buffer, const struct kernel_param* kp)
{
    if (level == 13)
        return *nowhere;
    return param_get_int(buffer, kp);
}

static void level_free(void* arg)
{
    if (*(int*)arg == 7)
        *nowhere = 7;
}

static const struct kernel_param_ops level_ops = {
    .set = level_set,
    .get = level_get,
    .free = level_free,
};
module_param_cb(level, &level_ops, &level, 0644);

static int __init fault_param_init(void)
{
    pr_info("fault_param: level %d\n", level);
    return 0;
}

static void __exit fault_param_exit(void)
{
}

module_init(fault_param_init);
module_exit(fault_param_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("faults in parameter callbacks");
