/* EXPORT_SYMBOL: make a symbol callable from other modules, as Linux does. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <ksim/abi.h>
#include <linux/compiler.h>

/* The __ksymtab entry tells the kernel who owns the symbol and whether it is
 * GPL-only; __kstrtabns names its symbol namespace (none), as Linux's does.
 * Modules are compiled with hidden visibility; modpost gives the symbol each
 * entry points to default visibility, so only what is exported reaches the
 * dynamic symbol table (an attribute here would come after the definition,
 * which Clang ignores). */
#define ___EXPORT_SYMBOL(sym, sec)                                                          \
	extern __typeof__(sym) sym;                                                            \
	static const char __kstrtab_##sym[] __used __section("__ksymtab_strings") = #sym;      \
	static const char __kstrtabns_##sym[] __used __section("__ksymtab_strings") = "";      \
	static const struct kernel_symbol __ksymtab_##sym __used __section("__ksymtab" sec) \
		__aligned(sizeof(void *)) = {(const void *)&sym, __kstrtab_##sym}

#define EXPORT_SYMBOL(sym) ___EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym) ___EXPORT_SYMBOL(sym, "_gpl")

#define THIS_MODULE (&__this_module)

__KSIM_BEGIN_DECLS
extern struct module __this_module __visible_export;
__KSIM_END_DECLS

#endif
