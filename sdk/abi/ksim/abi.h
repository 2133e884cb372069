/* The binary contract between the ksim kernel and a loadable module.
 *
 * Both sides include this file: modules through <linux/module.h>, the kernel
 * directly. Everything here is plain C so it means the same in C11 and C++20.
 * A module is found through one symbol, __this_module, whose first fields
 * (magic, abi_version, struct_size) let the kernel refuse a module built
 * against another ABI before it touches anything else. */
#ifndef KSIM_ABI_H
#define KSIM_ABI_H

#define KSIM_MODULE_MAGIC 0x6b73696dU /* "ksim" */
#define KSIM_ABI_VERSION 1U

/* What `uname -r` says inside ksim, and the version magic every module
 * records; a module whose vermagic differs is refused, as on Linux. */
#define KSIM_UTS_RELEASE "6.1.0-ksim"
#define KSIM_VERMAGIC KSIM_UTS_RELEASE " SMP preempt mod_unload modversions "

#define MODULE_NAME_LEN 56 /* 64 - sizeof(unsigned long), as on x86_64 Linux */

#ifdef __cplusplus
extern "C" {
#endif

struct kernel_param;

struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

/* ops->flags: the parameter accepts a bare name without "=value". */
#define KERNEL_PARAM_OPS_FL_NOARG (1 << 0)

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct module;

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const unsigned short perm;
	signed char level;
	unsigned char flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* CONFIG_MODVERSIONS: an entry of a module's __versions section (the CRC of
 * each symbol it imports, as Module.symvers gave it at build time), and of
 * its __ksim_kcrctab section (the CRCs of its own exports). modpost writes
 * both into the .mod.c. */
struct modversion_info {
	unsigned long crc;
	char name[MODULE_NAME_LEN];
};

/* One entry of __ksymtab / __ksymtab_gpl, written by EXPORT_SYMBOL. */
struct kernel_symbol {
	const void *value;
	const char *name;
};

/* The descriptor every module defines (sdk/src/module_stub.c, the
 * counterpart of Kbuild's generated <module>.mod.c). */
struct module {
	unsigned int magic;
	unsigned int abi_version;
	unsigned int struct_size;
	const char *name;
	int (*init)(void);
	void (*exit)(void);
	const struct kernel_param *kp_start;
	const struct kernel_param *kp_stop;
	const struct kernel_symbol *syms_start;
	const struct kernel_symbol *syms_stop;
	const struct kernel_symbol *gpl_syms_start;
	const struct kernel_symbol *gpl_syms_stop;
};

#ifdef __cplusplus
}
#endif

#endif /* KSIM_ABI_H */
