// Large buffers (vmalloc past kmalloc's 4 MiB limit, kvmalloc, whole pages),
// a kmem_cache, random bytes, bit operations, min/max, a static key and a
// capability check.
#include <linux/bitops.h>
#include <linux/capability.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#define BIG (8 * 1024 * 1024)

static DECLARE_BITMAP(seen, 100);
static DEFINE_STATIC_KEY_FALSE(verbose);

struct record {
	int id;
	char tag[20];
};

static void record_ctor(void *object)
{
	((struct record *)object)->id = -1;
}

/* Not inlined, so the WARN below names it whichever compiler built it. */
static noinline void cache_demo(void)
{
	struct kmem_cache *cache = kmem_cache_create("mem_demo_records", sizeof(struct record), 0,
						     SLAB_HWCACHE_ALIGN, record_ctor);
	struct record *a, *b;

	if (!cache)
		return;
	a = kmem_cache_alloc(cache, GFP_KERNEL);
	b = kmem_cache_alloc(cache, GFP_KERNEL);
	if (a && b)
		pr_info("mem_demo: kmem_cache objects of %u bytes, constructed id %d, 64-byte aligned: %s\n",
			kmem_cache_size(cache), a->id,
			((unsigned long)a | (unsigned long)b) % 64 == 0 ? "yes" : "no");
	kmem_cache_free(cache, a);
	kmem_cache_destroy(cache); /* b is still out: the cache says so and stays */
	kmem_cache_free(cache, b);
	kmem_cache_destroy(cache);
}

static int __init mem_demo_init(void)
{
	unsigned long page, bit;
	unsigned char *big, *zeroed;
	u8 noise[32] = {0};
	size_t i, nonzero = 0;
	u32 r, out_of_range = 0;
	void *kv, *too_big;

	big = vmalloc(BIG);
	zeroed = vzalloc(3 * PAGE_SIZE);
	kv = kvmalloc(BIG, GFP_KERNEL);
	page = __get_free_page(GFP_KERNEL);
	if (!big || !zeroed || !kv || !page) {
		vfree(big);
		vfree(zeroed);
		kvfree(kv);
		free_page(page);
		return -ENOMEM;
	}
	memset(big, 0xa5, BIG);
	too_big = kmalloc(BIG, GFP_KERNEL | __GFP_NOWARN);
	pr_info("mem_demo: vmalloc(8 MiB) ok, last byte %#x, kmalloc of the same: %s\n", big[BIG - 1],
		too_big ? "ok" : "NULL");
	kfree(too_big);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		nonzero += zeroed[i] != 0;
	pr_info("mem_demo: vzalloc gave %zu non-zero bytes; page aligned: %s; get_order(%d) = %d\n", nonzero,
		PAGE_ALIGNED(page) ? "yes" : "no", BIG, get_order(BIG));
	vfree(big);
	vfree(zeroed);
	kvfree(kv);
	free_page(page);

	get_random_bytes(noise, sizeof(noise));
	for (i = 0, nonzero = 0; i < sizeof(noise); i++)
		nonzero |= noise[i];
	for (i = 0; i < 1000; i++) {
		r = prandom_u32_max(10);
		out_of_range += r >= 10;
	}
	pr_info("mem_demo: random bytes all zero: %s; prandom_u32_max(10) out of range: %u\n", nonzero ? "no" : "yes",
		out_of_range);

	set_bit(3, seen);
	set_bit(64, seen);
	__set_bit(99, seen);
	pr_info("mem_demo: test_and_set_bit(3) was %d, first bit %lu, next after 3 is %lu, weight %lu\n",
		test_and_set_bit(3, seen), find_first_bit(seen, 100), find_next_bit(seen, 100, 4),
		hweight_long(seen[0]) + hweight_long(seen[1]));
	for_each_set_bit(bit, seen, 100)
		pr_info("mem_demo: bit %lu set\n", bit);
	pr_info("mem_demo: min %d max %d clamp %d, BIT(5) %lu, GENMASK(7, 4) %#lx\n", min(3, 9), max(3, 9),
		clamp(42, 0, 10), BIT(5), GENMASK(7, 4));
	pr_info("mem_demo: capable(CAP_SYS_ADMIN) = %d\n", capable(CAP_SYS_ADMIN));
	cache_demo();
	if (static_branch_unlikely(&verbose))
		pr_info("mem_demo: verbose before enabling?\n");
	static_branch_enable(&verbose);
	if (static_branch_unlikely(&verbose))
		pr_info("mem_demo: static key on: %d\n", static_key_enabled(&verbose));
	return 0;
}

static void __exit mem_demo_exit(void)
{
}

module_init(mem_demo_init);
module_exit(mem_demo_exit);
MODULE_LICENSE("GPL");
