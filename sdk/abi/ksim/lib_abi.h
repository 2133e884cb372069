/* The layouts of the kernel library's data structures that both a module
 * and the kernel touch: red-black tree nodes (lib/rbtree.c), kfifo queues
 * (lib/kfifo.c), idr/ida id maps (lib/idr.c) and timespec64. Modules use
 * them through <linux/rbtree.h>, <linux/kfifo.h>, <linux/idr.h> and
 * <linux/time64.h>. */
#ifndef _KSIM_LIB_ABI_H
#define _KSIM_LIB_ABI_H

/* A node's parent pointer and colour share one word, as on Linux: nodes are
 * long-aligned, so bit 0 is free for the colour (0 red, 1 black). */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((__aligned__(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

#define KSIM_RB_RED 0UL
#define KSIM_RB_BLACK 1UL

/* A ring of (mask + 1) elements of esize bytes, a power of two; in and out
 * count elements and wrap freely, so in - out is the fill level. */
struct __kfifo {
	unsigned int in;
	unsigned int out;
	unsigned int mask;
	unsigned int esize;
	void *data;
};

/* The ids live in the kernel, which makes the map on first use, so a
 * zero-filled idr (DEFINE_IDR, idr_init) is an empty one. */
struct idr {
	void *__ksim_ids;
	unsigned int idr_base;
	unsigned int idr_next;
};

struct ida {
	void *__ksim_ids;
};

struct timespec64 {
	long long tv_sec; /* time64_t */
	long tv_nsec;
};

#endif
