/* fault_exit: its exit writes through a pointer it already cleared; rmmod
 * is killed and the module stays "going". */
#include <linux/module.h>
#include <linux/slab.h>

static int* counter;

static int __init fault_exit_init(void)
{
    counter = kzalloc(sizeof(*counter), GFP_KERNEL);
    if (!counter)
        return -ENOMEM;
    kfree(counter);
    counter = NULL; /* the bug: exit still uses it */
    return 0;
}

static void __exit fault_exit_exit(void)
{
    *(int* volatile)counter = 0;
    pr_info("fault_exit: unloaded\n");
}

module_init(fault_exit_init);
module_exit(fault_exit_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("NULL write in exit");
