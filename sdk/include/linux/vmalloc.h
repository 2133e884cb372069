/* vmalloc: memory that is contiguous only in the kernel's address space,
 * for large buffers; free it with vfree(). In ksim it comes from the same
 * allocator as kmalloc, in whole pages, and counts towards the module's
 * leak report like a kmalloc block. */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void *vmalloc(unsigned long size) __attribute__((__malloc__, __alloc_size__(1)));
void *vzalloc(unsigned long size) __attribute__((__malloc__, __alloc_size__(1)));
void *vmalloc_user(unsigned long size) __attribute__((__malloc__, __alloc_size__(1)));
void *__vmalloc(unsigned long size, gfp_t gfp_mask) __attribute__((__malloc__, __alloc_size__(1)));
void vfree(const void *addr);
__KSIM_END_DECLS

static inline void *vmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return vmalloc(bytes);
}

static inline void *vcalloc(size_t n, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return vzalloc(bytes);
}

#endif
