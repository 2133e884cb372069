/* Lesson 5: kmalloc, kfree and a clean error path. */
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
	if (n < 0 || n > MAX_BUFS)
		return -EINVAL;
	/* TODO: allocate n buffers of BUF_SIZE bytes into bufs[];
	 *       on failure free the ones allocated and return -ENOMEM */
	pr_info("buffers: allocated %d buffers\n", n);
	return 0;
}

static void __exit buffers_exit(void)
{
	/* TODO: free every buffer */
}

module_init(buffers_init);
module_exit(buffers_exit);
MODULE_LICENSE("GPL");
