/* err_enomem: init fails with -ENOMEM after allocating, and frees what it took. */
#include <linux/module.h>
#include <linux/slab.h>

static int __init err_enomem_init(void)
{
	void *buffer = kmalloc(64, GFP_KERNEL);

	pr_info("err_enomem: init called, returning -ENOMEM\n");
	kfree(buffer);
	return -ENOMEM;
}

static void __exit err_enomem_exit(void)
{
	pr_info("err_enomem: exit called (should never happen)\n");
}

module_init(err_enomem_init);
module_exit(err_enomem_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("init returns -ENOMEM");
