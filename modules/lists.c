/* lists.c: a list of kmalloc'd items built with <linux/list.h>, walked,
 * and freed with list_for_each_entry_safe. */
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>

struct item {
	int value;
	struct list_head node;
};

static LIST_HEAD(items);

static int __init lists_init(void)
{
	struct item *it;
	int i, sum = 0;

	for (i = 1; i <= 4; i++) {
		it = kmalloc(sizeof(*it), GFP_KERNEL);
		if (!it)
			return -ENOMEM;
		it->value = i * i;
		list_add_tail(&it->node, &items);
	}
	list_for_each_entry(it, &items, node)
		sum += it->value;
	pr_info("lists: %zu items, sum %d, first %d, last %d\n", list_count_nodes(&items), sum,
		list_first_entry(&items, struct item, node)->value, list_last_entry(&items, struct item, node)->value);
	return 0;
}

static void __exit lists_exit(void)
{
	struct item *it, *next;

	list_for_each_entry_safe(it, next, &items, node) {
		list_del(&it->node);
		kfree(it);
	}
	pr_info("lists: empty again: %d\n", list_empty(&items));
}

module_init(lists_init);
module_exit(lists_exit);
MODULE_LICENSE("GPL");
