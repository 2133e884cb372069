/* kmalloc and friends: kernel heap memory, accounted per module. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

/* kmalloc(0) returns this distinct non-NULL pointer; touching it Oopses. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* kmem_cache_create() flags, Linux 6.1's values; ksim honours
 * SLAB_HWCACHE_ALIGN (objects on a 64-byte line) and takes the rest as hints. */
#define SLAB_CONSISTENCY_CHECKS 0x00000100U
#define SLAB_RED_ZONE 0x00000400U
#define SLAB_POISON 0x00000800U
#define SLAB_HWCACHE_ALIGN 0x00002000U
#define SLAB_CACHE_DMA 0x00004000U
#define SLAB_CACHE_DMA32 0x00008000U
#define SLAB_STORE_USER 0x00010000U
#define SLAB_PANIC 0x00040000U
#define SLAB_TYPESAFE_BY_RCU 0x00080000U
#define SLAB_MEM_SPREAD 0x00100000U
#define SLAB_TRACE 0x00200000U
#define SLAB_NOLEAKTRACE 0x00800000U
#define SLAB_ACCOUNT 0x04000000U
#define SLAB_RECLAIM_ACCOUNT 0x00020000U

#define KMALLOC_SHIFT_MAX 22
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)

struct kmem_cache;

__KSIM_BEGIN_DECLS
void *__kmalloc(size_t size, gfp_t flags) __attribute__((__malloc__, __alloc_size__(1)));
void *krealloc(const void *objp, size_t new_size, gfp_t flags) __must_check;
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);
char *kstrdup(const char *s, gfp_t gfp) __attribute__((__malloc__));
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
					      slab_flags_t flags, unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags) __attribute__((__malloc__));
void kmem_cache_free(struct kmem_cache *cachep, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);
void kmem_cache_destroy(struct kmem_cache *s);
void *kvmalloc_node(size_t size, gfp_t flags, int node) __attribute__((__malloc__, __alloc_size__(1)));
void kvfree(const void *addr);
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

/* A cache named after the structure it holds, aligned as the structure is. */
#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), NULL)

static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
	return kmem_cache_alloc(k, flags | __GFP_ZERO);
}

/* kmalloc's memory when it can, vmalloc's when it is large; free it with kvfree(). */
static inline void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, -1);
}

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;
	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kvmalloc(bytes, flags);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;
	if (__builtin_mul_overflow(new_n, new_size, &bytes))
		return NULL;
	return krealloc(p, bytes, flags);
}

#endif
