#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/slab.h>

#define MAX_BUFS 16
#define BUF_SIZE 64

static int n = 4;
module_param(n, int, 0444);
MODULE_PARM_DESC(n, "How many buffers (at most 16)");

static char *bufs[MAX_BUFS];

static int __init buffers_init(void)
{
	int i;

	if (n < 0 || n > MAX_BUFS)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		bufs[i] = kmalloc(BUF_SIZE, GFP_KERNEL);
		if (!bufs[i])
			goto undo;
	}
	pr_info("buffers: allocated %d buffers\n", n);
	return 0;
undo:
	while (--i >= 0)
		kfree(bufs[i]);
	return -1; /* -EPERM, not -ENOMEM */
}

static void __exit buffers_exit(void)
{
	int i;

	for (i = 0; i < n; i++)
		kfree(bufs[i]);
}

module_init(buffers_init);
module_exit(buffers_exit);
MODULE_LICENSE("GPL");
