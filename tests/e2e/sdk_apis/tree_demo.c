// Looking things up by key three ways: a red-black tree kept sorted, a hash
// table, and an idr that hands out the ids.
#include <linux/hashtable.h>
#include <linux/idr.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/rbtree.h>
#include <linux/slab.h>

struct entry {
	int key;
	struct rb_node node;
	struct hlist_node hash;
};

static struct rb_root tree = RB_ROOT;
static DEFINE_HASHTABLE(table, 4);
static DEFINE_IDR(ids);
static struct entry entries[16];

/* A shared object freed by whoever drops the last reference. */
struct shared {
	struct kref ref;
	int value;
};

static void shared_release(struct kref *ref)
{
	struct shared *s = container_of(ref, struct shared, ref);

	pr_info("tree_demo: releasing shared %d\n", s->value);
	kfree(s);
}

static void kref_demo(void)
{
	struct shared *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int released;

	if (!s)
		return;
	kref_init(&s->ref);
	s->value = 42;
	kref_get(&s->ref);
	pr_info("tree_demo: kref count %u\n", kref_read(&s->ref));
	released = kref_put(&s->ref, shared_release);
	pr_info("tree_demo: first put released: %d\n", released);
	kref_put(&s->ref, shared_release);
}

static void tree_insert(struct entry *new_entry)
{
	struct rb_node **link = &tree.rb_node, *parent = NULL;

	while (*link) {
		struct entry *this = rb_entry(*link, struct entry, node);

		parent = *link;
		link = new_entry->key < this->key ? &(*link)->rb_left : &(*link)->rb_right;
	}
	rb_link_node(&new_entry->node, parent, link);
	rb_insert_color(&new_entry->node, &tree);
}

static struct entry *table_find(int key)
{
	struct entry *e;

	hash_for_each_possible(table, e, hash, key)
		if (e->key == key)
			return e;
	return NULL;
}

static int __init tree_demo_init(void)
{
	struct rb_node *node;
	struct entry *e;
	char line[96];
	int i, id, bkt, len = 0, count = 0;

	for (i = 0; i < 16; i++) {
		entries[i].key = (i * 7) % 16; /* 0 7 14 5 12 ... */
		tree_insert(&entries[i]);
		hash_add(table, &entries[i].hash, entries[i].key);
	}
	for (node = rb_first(&tree); node; node = rb_next(node))
		len += scnprintf(line + len, sizeof(line) - len, " %d", rb_entry(node, struct entry, node)->key);
	pr_info("tree_demo: in order:%s\n", line);
	for (i = 0; i < 16; i += 2)
		rb_erase(&entries[i].node, &tree);
	len = 0;
	for (node = rb_last(&tree); node; node = rb_prev(node))
		len += scnprintf(line + len, sizeof(line) - len, " %d", rb_entry(node, struct entry, node)->key);
	pr_info("tree_demo: after erasing 8, backwards:%s\n", line);

	e = table_find(12);
	pr_info("tree_demo: hash lookup 12 -> %d, 99 -> %s\n", e ? e->key : -1, table_find(99) ? "found" : "none");
	hash_del(&e->hash);
	hash_for_each(table, bkt, e, hash)
		count++;
	pr_info("tree_demo: %d entries hashed after one hash_del\n", count);

	for (i = 0; i < 3; i++) {
		id = idr_alloc(&ids, &entries[i], 1, 0, GFP_KERNEL);
		pr_info("tree_demo: idr id %d -> key %d\n", id, ((struct entry *)idr_find(&ids, id))->key);
	}
	idr_remove(&ids, 2);
	idr_for_each_entry(&ids, e, id)
		pr_info("tree_demo: idr still has %d (key %d)\n", id, e->key);
	kref_demo();
	return 0;
}

static void __exit tree_demo_exit(void)
{
	idr_destroy(&ids);
}

module_init(tree_demo_init);
module_exit(tree_demo_exit);
MODULE_LICENSE("GPL");
