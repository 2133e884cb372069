/* linux/highmem.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_HIGHMEM_H
#define _KSIM_REFUSED_LINUX_HIGHMEM_H

#error "ksim: no struct page or page mappings: ksim has one flat address space"

#endif
