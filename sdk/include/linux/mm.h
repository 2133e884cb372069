/* Memory management as drivers see it: page sizes and alignment, the page
 * allocator (<linux/gfp.h>), kvmalloc (<linux/slab.h>) and vmalloc. ksim
 * has no struct page, page tables or user mappings (.mmap, remap_pfn_range). */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/types.h>
#include <linux/vmalloc.h>

#define PAGE_ALIGN(addr) ALIGN((addr), PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

#endif
