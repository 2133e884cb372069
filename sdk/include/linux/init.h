/* Section markers for init/exit code and data, and module_init/module_exit. */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

/* Kept in their own sections, as on Linux, so /proc/kallsyms can tell them apart. */
#define __init __section(".init.text") __cold
/* In a module, Linux marks exit code __used (__exitused): an exit function
 * nobody registered builds without a warning, and rmmod then finds no exit. */
#define __exit __section(".exit.text") __used __cold
#define __initdata __section(".init.data")
#define __exitdata __section(".exit.data")
#define __initconst __section(".init.rodata")
#define __exit_p(x) x
#define __init_or_module

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

__KSIM_BEGIN_DECLS
/* The entry points the loader calls; module_init/module_exit define them,
 * or a module defines them itself in the older style. */
int init_module(void);
void cleanup_module(void);
__KSIM_END_DECLS

/* As on Linux, init_module and cleanup_module are aliases of the module's
 * own functions in C, so both names are in kallsyms and __init code leaves
 * with its section. C++ cannot alias a static function by name, so there
 * they are small wrappers in the same sections. The checks keep Linux's
 * compile-time type test of the function given. Each ends its own
 * declaration, so module_init(fn) needs no semicolon, as on Linux. */
#ifdef __cplusplus
#define module_init(initfn)                                                      \
	static inline initcall_t __maybe_unused __inittest(void) { return initfn; } \
	__init int init_module(void) { return initfn(); }

#define module_exit(exitfn)                                                      \
	static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; } \
	__exit void cleanup_module(void) { exitfn(); }
#else
#define module_init(initfn)                                                      \
	static inline initcall_t __maybe_unused __inittest(void) { return initfn; } \
	int init_module(void) __attribute__((__alias__(#initfn)));                  \
	__KSIM_ADDRESSABLE(initcall_t, init_module, initfn, __initdata);

#define module_exit(exitfn)                                                      \
	static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; } \
	void cleanup_module(void) __attribute__((__alias__(#exitfn)));              \
	__KSIM_ADDRESSABLE(exitcall_t, cleanup_module, exitfn, __exitdata);

/* Linux's ___ADDRESSABLE(init_module, __initdata), under the same name, but
 * taking the module's own function: Clang gives a static function whose only
 * user is an alias the alias's name (LLVM's GlobalOpt), and an Oops would then
 * say init_module. A second reference keeps the function's own name, as GCC
 * always does. */
#define __KSIM_ADDRESSABLE(type, alias, fn, section) \
	static type __used section __UNIQUE_ID(__addressable_##alias) = fn
#endif

#endif
