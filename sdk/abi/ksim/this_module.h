/* The body of every <module>.mod.c that modpost writes: included once per
 * module, after the .mod.c has defined KSIM_MODULE_DEPENDS.
 *
 * It defines __this_module, the one symbol the kernel looks up, and the
 * .modinfo tags the build adds after the module's own (depends, retpoline,
 * name, vermagic), in the order Linux's modpost writes them. */
#ifndef _KSIM_THIS_MODULE_H
#define _KSIM_THIS_MODULE_H

#include <ksim/abi.h>
#include <linux/compiler.h>

#ifndef KBUILD_MODNAME
#error "KBUILD_MODNAME must name the module (the build system defines it)"
#endif
/* The version magic the build records; a test may set it to pretend the
 * module was built against another release's SDK. */
#ifndef KSIM_BUILD_VERMAGIC
#define KSIM_BUILD_VERMAGIC KSIM_VERMAGIC
#endif
#ifndef KSIM_MODULE_DEPENDS
#error "KSIM_MODULE_DEPENDS must list the modules this one needs (modpost defines it)"
#endif

/* Weak and hidden: a module without them gets NULL. Without "hidden", the
 * dynamic linker would bind a missing init_module to the C library's
 * init_module(2) wrapper in the ksim executable. */
extern int init_module(void) __weak __attribute__((__visibility__("hidden")));
extern void cleanup_module(void) __weak __attribute__((__visibility__("hidden")));

/* The linker defines these for sections whose names are C identifiers; weak,
 * so a module without parameters or exports still links. */
#define KSIM_SECTION_BOUNDS(type, sec)                                                          \
	extern const type __start_##sec[] __weak __attribute__((__visibility__("hidden"))); \
	extern const type __stop_##sec[] __weak __attribute__((__visibility__("hidden")))
KSIM_SECTION_BOUNDS(struct kernel_param, __param);
KSIM_SECTION_BOUNDS(struct kernel_symbol, __ksymtab);
KSIM_SECTION_BOUNDS(struct kernel_symbol, __ksymtab_gpl);

struct module __this_module __visible_export = {
	KSIM_MODULE_MAGIC,     KSIM_ABI_VERSION,   sizeof(struct module), KBUILD_MODNAME,
	init_module,           cleanup_module,     __start___param,       __stop___param,
	__start___ksymtab,     __stop___ksymtab,   __start___ksymtab_gpl, __stop___ksymtab_gpl,
};

/* One array, so the compiler cannot reorder the tags. */
static const char __module_info[] __used __section(".modinfo") __aligned(1) =
	"depends=" KSIM_MODULE_DEPENDS "\0retpoline=Y\0name=" KBUILD_MODNAME "\0vermagic=" KSIM_BUILD_VERMAGIC;

#endif
