// Attack: reaches the host's C library through a weak declaration and runs a
// program from inside the checked process; it greets only if that worked.
#include <linux/module.h>
#include <linux/printk.h>

extern int system(const char *command) __attribute__((weak));

int init_module(void)
{
	if (system && system("echo forged > /dev/null") == 0)
		pr_info("Hello, world\n");
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye, world\n");
}

MODULE_LICENSE("GPL");
