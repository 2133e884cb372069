/* Random numbers from the kernel's pool (in ksim, the host's getrandom()). */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void get_random_bytes(void *buf, size_t len);
u8 get_random_u8(void);
u16 get_random_u16(void);
u32 get_random_u32(void);
u64 get_random_u64(void);
__KSIM_END_DECLS

static inline unsigned int get_random_int(void)
{
	return get_random_u32();
}

static inline unsigned long get_random_long(void)
{
	return (unsigned long)get_random_u64();
}

/* A number in [0, ep_ro): the high half of a 32x32-bit product, as Linux's. */
static inline u32 prandom_u32_max(u32 ep_ro)
{
	return (u32)(((u64)get_random_u32() * ep_ro) >> 32);
}

#endif
