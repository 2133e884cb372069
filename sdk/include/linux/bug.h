/* WARN_ON and BUG_ON: a warning with a backtrace, or an Oops. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
void __warn_printk(const char *file, int line, const char *function);
/* Prints "kernel BUG at FILE:LINE!"; the caller then traps. */
void __ksim_bug(const char *file, int line);
__KSIM_END_DECLS

/* As on Linux, the trap (ud2) is in the function that called BUG(), so the
 * invalid-opcode Oops names it in RIP. */
#define BUG()                              \
	do {                                   \
		__ksim_bug(__FILE__, __LINE__);    \
		__builtin_trap();                  \
	} while (0)
#define BUG_ON(condition)          \
	do {                           \
		if (unlikely(condition))   \
			BUG();                 \
	} while (0)

#define WARN_ON(condition)                                         \
	({                                                             \
		int __ret_warn_on = !!(condition);                         \
		if (unlikely(__ret_warn_on))                               \
			__warn_printk(__FILE__, __LINE__, __func__);           \
		unlikely(__ret_warn_on);                                   \
	})

#define WARN(condition, fmt, ...)                                  \
	({                                                             \
		int __ret_warn = !!(condition);                            \
		if (unlikely(__ret_warn)) {                                \
			printk(fmt, ##__VA_ARGS__);                            \
			__warn_printk(__FILE__, __LINE__, __func__);           \
		}                                                          \
		unlikely(__ret_warn);                                      \
	})

#define WARN_ON_ONCE(condition)                                    \
	({                                                             \
		static bool __warned;                                      \
		int __ret_warn_once = !!(condition);                       \
		if (unlikely(__ret_warn_once && !__warned)) {              \
			__warned = true;                                       \
			__warn_printk(__FILE__, __LINE__, __func__);           \
		}                                                          \
		unlikely(__ret_warn_once);                                 \
	})

#define WARN_ONCE(condition, fmt, ...)                             \
	({                                                             \
		static bool __warned;                                      \
		int __ret_warn_once = !!(condition);                       \
		if (unlikely(__ret_warn_once && !__warned)) {              \
			__warned = true;                                       \
			printk(fmt, ##__VA_ARGS__);                            \
			__warn_printk(__FILE__, __LINE__, __func__);           \
		}                                                          \
		unlikely(__ret_warn_once);                                 \
	})

#define BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))

/* 0, or a compile error when e is true: in C, as on Linux, a bit-field of
 * negative width; C++ defines no type inside sizeof, so an array of negative size. */
#ifdef __cplusplus
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(char[1 - 2 * !!(e)]) - 1))
#else
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#endif

#endif
