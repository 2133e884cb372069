/* Memory-mapped I/O accessors: each is one volatile access of its width,
 * with the ordering x86 gives uncached memory. ksim has no devices on a bus
 * and no physical addresses, so ioremap(), virt_to_phys() and the port
 * instructions (inb, outb, ...) are not offered: the accessors work on
 * memory the module already has. */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/compiler.h>
#include <linux/string.h>
#include <linux/types.h>

#define __KSIM_IO_ACCESSORS(size, type)                                         \
	static inline type read##size(const volatile void __iomem *addr)       \
	{                                                                       \
		type value = *(const volatile type __force *)addr;              \
		barrier();                                                      \
		return value;                                                   \
	}                                                                       \
	static inline void write##size(type value, volatile void __iomem *addr) \
	{                                                                       \
		barrier();                                                      \
		*(volatile type __force *)addr = value;                         \
	}

__KSIM_IO_ACCESSORS(b, u8)
__KSIM_IO_ACCESSORS(w, u16)
__KSIM_IO_ACCESSORS(l, u32)
__KSIM_IO_ACCESSORS(q, u64)

#define readb_relaxed(addr) readb(addr)
#define readw_relaxed(addr) readw(addr)
#define readl_relaxed(addr) readl(addr)
#define readq_relaxed(addr) readq(addr)
#define writeb_relaxed(v, addr) writeb(v, addr)
#define writew_relaxed(v, addr) writew(v, addr)
#define writel_relaxed(v, addr) writel(v, addr)
#define writeq_relaxed(v, addr) writeq(v, addr)
#define ioread8(addr) readb(addr)
#define ioread16(addr) readw(addr)
#define ioread32(addr) readl(addr)
#define ioread64(addr) readq(addr)
#define iowrite8(v, addr) writeb(v, addr)
#define iowrite16(v, addr) writew(v, addr)
#define iowrite32(v, addr) writel(v, addr)
#define iowrite64(v, addr) writeq(v, addr)

static inline void memset_io(volatile void __iomem *addr, int value, size_t count)
{
	memset((void __force *)addr, value, count);
}

static inline void memcpy_fromio(void *dst, const volatile void __iomem *src, size_t count)
{
	memcpy(dst, (const void __force *)src, count);
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src, size_t count)
{
	memcpy((void __force *)dst, src, count);
}

#endif
