/* weak_refs: weak references resolve as on Linux, to a kernel or module export or to 0, never to the host's C library. */
#include <linux/module.h>
#include <linux/printk.h>

/* Linux's simplify_symbols(): a weak reference nothing exports is 0. */
extern long write(int fd, const void *buf, unsigned long count) __attribute__((weak));
extern void abort(void) __attribute__((weak));
extern void _exit(int status) __attribute__((weak));
extern int system(const char *command) __attribute__((weak));
/* A kernel export. */
extern int _printk(const char *fmt, ...) __attribute__((weak));

static const char *bound(const void *p)
{
	return p ? "bound" : "NULL";
}

static int __init weak_refs_init(void)
{
	pr_info("write=%s abort=%s _exit=%s system=%s\n", bound(write), bound(abort), bound(_exit), bound(system));
	pr_info("_printk=%s\n", _printk ? "the kernel's" : "NULL");
	return 0;
}

static void __exit weak_refs_exit(void)
{
}

module_init(weak_refs_init);
module_exit(weak_refs_exit);
MODULE_LICENSE("GPL");
