/* The everyday kernel helpers: printk, ARRAY_SIZE, min/max, container_of, sprintf. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/stdarg.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#define LLONG_MAX ((long long)(~0ULL >> 1))
#define LLONG_MIN (-LLONG_MAX - 1)
#define ULLONG_MAX (~0ULL)
#define SHRT_MAX ((short)(0xffff >> 1))
#define SHRT_MIN ((short)(-SHRT_MAX - 1))
#define USHRT_MAX ((unsigned short)0xffff)
#define U8_MAX ((u8)0xff)
#define S8_MAX ((s8)0x7f)
#define S8_MIN ((s8)(-S8_MAX - 1))
#define U16_MAX ((u16)0xffff)
#define U32_MAX ((u32)~0U)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define U64_MAX ((u64)~0ULL)
#define SIZE_MAX (~(size_t)0)

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define min(x, y)                       \
	({                                  \
		__typeof__(x) _min1 = (x);      \
		__typeof__(y) _min2 = (y);      \
		_min1 < _min2 ? _min1 : _min2;  \
	})
#define max(x, y)                       \
	({                                  \
		__typeof__(x) _max1 = (x);      \
		__typeof__(y) _max2 = (y);      \
		_max1 > _max2 ? _max1 : _max2;  \
	})
#define min_t(type, x, y) min((type)(x), (type)(y))
#define max_t(type, x, y) max((type)(x), (type)(y))
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define swap(a, b)                      \
	do {                                \
		__typeof__(a) __tmp = (a);      \
		(a) = (b);                      \
		(b) = __tmp;                    \
	} while (0)

#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

__KSIM_BEGIN_DECLS
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);
__scanf(2, 3) int sscanf(const char *buf, const char *fmt, ...);
__scanf(2, 0) int vsscanf(const char *buf, const char *fmt, va_list args);
__KSIM_END_DECLS

#endif
