/* uses_libc: calls printf, which no kernel exports; insmod refuses it with "Unknown symbol". */
#include <linux/module.h>

int printf(const char *fmt, ...);

static int __init uses_libc_init(void)
{
	printf("this never runs: %d\n", 42);
	return 0;
}

module_init(uses_libc_init);
MODULE_LICENSE("GPL");
