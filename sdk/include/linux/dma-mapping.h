/* linux/dma-mapping.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_DMA_MAPPING_H
#define _KSIM_REFUSED_LINUX_DMA_MAPPING_H

#error "ksim: no DMA: ksim has no bus addresses or IOMMU"

#endif
