/* fault_overflow: init recurses without end until the stack runs out. The
 * fault handler runs on its own stack, so the Oops is still reported. */
#include <linux/module.h>

static volatile int forever = 1;

static noinline int descend(int depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	if (!forever) /* the bug: it always is */
		return 0;
	return descend(depth + 1) + frame[0];
}

static int __init fault_overflow_init(void)
{
	return descend(0);
}

static void __exit fault_overflow_exit(void)
{
}

module_init(fault_overflow_init);
module_exit(fault_overflow_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("unbounded recursion in init");
