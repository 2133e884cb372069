/* kmalloc and friends: kernel heap memory, accounted per module. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

/* kmalloc(0) returns this distinct non-NULL pointer; touching it Oopses. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define KMALLOC_SHIFT_MAX 22
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)

__KSIM_BEGIN_DECLS
void *__kmalloc(size_t size, gfp_t flags) __attribute__((__malloc__, __alloc_size__(1)));
void *krealloc(const void *objp, size_t new_size, gfp_t flags) __must_check;
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);
char *kstrdup(const char *s, gfp_t gfp) __attribute__((__malloc__));
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
__KSIM_END_DECLS

static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

static __always_inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;
	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return __kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;
	if (__builtin_mul_overflow(new_n, new_size, &bytes))
		return NULL;
	return krealloc(p, bytes, flags);
}

#endif
