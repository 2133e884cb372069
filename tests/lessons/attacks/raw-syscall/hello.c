// Attack: a raw system call (getpid) straight to the host's kernel, with no
// C library involved; it greets only if the call came back.
#include <linux/module.h>
#include <linux/printk.h>

int init_module(void)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "0"(39L) : "rcx", "r11", "memory");
	if (ret > 0)
		pr_info("Hello, world\n");
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye, world\n");
}

MODULE_LICENSE("GPL");
