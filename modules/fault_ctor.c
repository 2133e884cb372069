/* fault_ctor: a C constructor that dereferences NULL. The kernel runs
 * constructors before init (do_mod_ctors), under the Oops guard. */
#include <linux/module.h>

static int* volatile nowhere;
static int ready;

static void __attribute__((constructor)) fault_ctor_setup(void)
{
    pr_info("fault_ctor: constructor runs\n");
    ready = *nowhere;
}

static int __init fault_ctor_init(void)
{
    pr_info("fault_ctor: init runs, ready=%d\n", ready);
    return 0;
}

static void __exit fault_ctor_exit(void)
{
}

module_init(fault_ctor_init);
module_exit(fault_ctor_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("NULL dereference in a C constructor");
