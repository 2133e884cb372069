// Calls kmalloc without <linux/slab.h>: Linux's build stops here, not at modpost.
#include <linux/module.h>

static int __init implicit_init(void)
{
	void *p = kmalloc(16, GFP_KERNEL);

	return p ? 0 : -ENOMEM;
}
module_init(implicit_init);
MODULE_LICENSE("GPL");
