/* The only safe way across the user/kernel boundary. Each returns what it
 * could NOT copy (or -EFAULT): a driver that dereferences a user pointer
 * itself faults, as under SMAP on a real x86 machine. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
bool __ksim_access_ok(const void __user *addr, unsigned long size);
unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);
int __ksim_get_user(void *value, const void __user *from, unsigned long size);
int __ksim_put_user(const void *value, void __user *to, unsigned long size);
__KSIM_END_DECLS

#define access_ok(addr, size) __ksim_access_ok((const void __user *)(addr), (size))

static __always_inline __must_check unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return _copy_to_user(to, from, n);
}

static __always_inline __must_check unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return _copy_from_user(to, from, n);
}

/* The size comes from the pointer's type, as with Linux's macros. */
#define put_user(x, ptr)                                                        \
	({                                                                      \
		__typeof__(*(ptr)) __pu_value = (x);                            \
		__ksim_put_user(&__pu_value, (ptr), sizeof(*(ptr)));            \
	})

#define get_user(x, ptr)                                                        \
	({                                                                      \
		unsigned long long __gu_raw = 0;                                \
		int __gu_error = __ksim_get_user(&__gu_raw, (ptr), sizeof(*(ptr))); \
		(x) = (__typeof__(*(ptr)))__gu_raw;                             \
		__gu_error;                                                     \
	})

#define __put_user(x, ptr) put_user(x, ptr)
#define __get_user(x, ptr) get_user(x, ptr)

#endif
