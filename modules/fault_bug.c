/* fault_bug: BUG_ON() in init. Linux's die(): "kernel BUG at", an
 * invalid-opcode Oops naming fault_bug_init, and insmod dies of SIGSEGV. */
#include <linux/bug.h>
#include <linux/module.h>

static int depth = 3;
module_param(depth, int, 0444);

static int __init fault_bug_init(void)
{
    pr_info("fault_bug: checking depth %d\n", depth);
    BUG_ON(depth > 2);
    return 0;
}

static void __exit fault_bug_exit(void)
{
}

module_init(fault_bug_init);
module_exit(fault_bug_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("BUG_ON in init");
