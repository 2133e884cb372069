/* The everyday kernel helpers: printk, ARRAY_SIZE, min/max (<linux/minmax.h>), container_of, sprintf. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <asm/page.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/printk.h>
#include <linux/stdarg.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))


#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)

/* A sysfs file's mode is octal and never world-writable: 644 or 0666 stops the
 * build, as Linux 6.1 does for module_param and sysfs attributes. */
#define VERIFY_OCTAL_PERMISSIONS(perms)                                           \
	(BUILD_BUG_ON_ZERO((perms) < 0) + BUILD_BUG_ON_ZERO((perms) > 0777) +         \
	 /* USER_READABLE >= GROUP_READABLE >= OTHER_READABLE */                     \
	 BUILD_BUG_ON_ZERO((((perms) >> 6) & 4) < (((perms) >> 3) & 4)) +             \
	 BUILD_BUG_ON_ZERO((((perms) >> 3) & 4) < ((perms) & 4)) +                    \
	 /* USER_WRITABLE >= GROUP_WRITABLE */                                       \
	 BUILD_BUG_ON_ZERO((((perms) >> 6) & 2) < (((perms) >> 3) & 2)) +             \
	 /* OTHER_WRITABLE? Generally considered a bad idea. */                      \
	 BUILD_BUG_ON_ZERO((perms) & 2) + (perms))

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

__KSIM_BEGIN_DECLS
void __might_sleep(const char *file, int line);
__KSIM_END_DECLS

/* CONFIG_DEBUG_ATOMIC_SLEEP: a sleeping function called where sleeping is a
 * bug (holding a spinlock, in softirq context) is reported here. */
#define might_sleep() __might_sleep(__FILE__, __LINE__)

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
