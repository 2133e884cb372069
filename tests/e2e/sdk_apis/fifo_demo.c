// kfifo as a driver's queue: a fixed one of ints, and an allocated byte
// queue that wraps round its ring.
#include <linux/init.h>
#include <linux/kfifo.h>
#include <linux/module.h>
#include <linux/slab.h>

static DEFINE_KFIFO(numbers, int, 8);
static struct kfifo bytes;
static DEFINE_SPINLOCK(bytes_lock);

static int __init fifo_demo_init(void)
{
	char text[8];
	unsigned int n, put = 0;
	int i, value = 0, sum = 0;
	int ret;

	for (i = 1; i <= 10; i++)
		put += kfifo_put(&numbers, i * i);
	pr_info("fifo_demo: put %u of 10 into %u slots, full=%d\n", put, kfifo_size(&numbers),
		kfifo_is_full(&numbers));
	kfifo_peek(&numbers, &value);
	pr_info("fifo_demo: first is %d\n", value);
	while (kfifo_get(&numbers, &value))
		sum += value;
	pr_info("fifo_demo: sum %d, empty=%d\n", sum, kfifo_is_empty(&numbers));

	ret = kfifo_alloc(&bytes, 10, GFP_KERNEL);
	if (ret)
		return ret;
	pr_info("fifo_demo: asked for 10 bytes, got %u\n", kfifo_size(&bytes));
	for (i = 0; i < 3; i++) {
		n = kfifo_in_spinlocked(&bytes, "abcdefghijk", 11, &bytes_lock);
		pr_info("fifo_demo: in %u, len %u, avail %u\n", n, kfifo_len(&bytes), kfifo_avail(&bytes));
		n = kfifo_out_spinlocked(&bytes, text, 5, &bytes_lock);
		text[n] = '\0';
		pr_info("fifo_demo: out '%s'\n", text);
	}
	return 0;
}

static void __exit fifo_demo_exit(void)
{
	kfifo_free(&bytes);
	pr_info("fifo_demo: freed\n");
}

module_init(fifo_demo_init);
module_exit(fifo_demo_exit);
MODULE_LICENSE("GPL");
