/* fault_smash: init writes past a buffer on its stack, over the saved frame
 * pointer and return address, and "returns" into garbage. The Oops is
 * reported from state the module cannot reach, and the kernel goes on. */
#include <linux/module.h>
#include <linux/string.h>

static volatile size_t length = 64;

static noinline void fill(void)
{
	char buffer[16];

	/* The bug: `length` bytes into a 16-byte buffer. */
	memset(buffer, 0x41, length);
	barrier_data(buffer); /* or the compiler may drop the stores to a buffer nobody reads */
}

static int __init fault_smash_init(void)
{
	fill();
	return 0;
}

static void __exit fault_smash_exit(void)
{
}

module_init(fault_smash_init);
module_exit(fault_smash_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a stack buffer overflow in init");
