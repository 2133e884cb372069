/* module_param and friends: parameters given to insmod, set before init runs. */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <ksim/abi.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/stat.h>
#include <linux/types.h>

#define MODULE_PARAM_PREFIX /* empty: modules have no "module." prefix */

#define __MODULE_INFO(tag, name, info)                                                        \
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo") __aligned(1) = \
		__stringify(tag) "=" info

#define __MODULE_PARM_TYPE(name, _type) __MODULE_INFO(parmtype, name##type, #name ":" _type)

#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)

/* The compile-time check of the variable's type, as Linux's __param_check. */
#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return (p); }

#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p) __param_check(name, p, unsigned int)
#define param_check_charp(name, p) __param_check(name, p, char *)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_invbool(name, p) __param_check(name, p, bool)

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)                        \
	static const char __param_str_##name[] = prefix #name;                                     \
	static const struct kernel_param __param_##name __used __section("__param")              \
		__aligned(sizeof(void *)) = {__param_str_##name, THIS_MODULE, ops, VERIFY_OCTAL_PERMISSIONS(perm), level, flags, \
					     {(void *)(arg)}}

#define module_param_cb(name, ops, arg, perm) __module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

#define module_param_named(name, value, type, perm)       \
	param_check_##type(name, &(value));                   \
	module_param_cb(name, &param_ops_##type, &value, perm); \
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm) module_param_named(name, name, type, perm)

#define module_param_unsafe(name, type, perm) module_param_named(name, name, type, perm)

#define module_param_string(name, string, len, perm)                                   \
	static const struct kparam_string __param_string_##name = {len, string};           \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string, &__param_string_##name, \
			    perm, -1, 0);                                                      \
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)                              \
	param_check_##type(name, &(array)[0]);                                                    \
	static const struct kparam_array __param_arr_##name = {                                   \
		sizeof(array) / sizeof((array)[0]), sizeof((array)[0]), nump, &param_ops_##type, array}; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops, &__param_arr_##name, perm, \
			    -1, 0);                                                               \
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm) module_param_array_named(name, name, type, nump, perm)

__KSIM_BEGIN_DECLS
extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_ullong;
extern const struct kernel_param_ops param_ops_hexint;
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_ops_string;
extern const struct kernel_param_ops param_array_ops;

int param_set_byte(const char *val, const struct kernel_param *kp);
int param_get_byte(char *buffer, const struct kernel_param *kp);
int param_set_short(const char *val, const struct kernel_param *kp);
int param_get_short(char *buffer, const struct kernel_param *kp);
int param_set_ushort(const char *val, const struct kernel_param *kp);
int param_get_ushort(char *buffer, const struct kernel_param *kp);
int param_set_int(const char *val, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_long(const char *val, const struct kernel_param *kp);
int param_get_long(char *buffer, const struct kernel_param *kp);
int param_set_ulong(const char *val, const struct kernel_param *kp);
int param_get_ulong(char *buffer, const struct kernel_param *kp);
int param_set_ullong(const char *val, const struct kernel_param *kp);
int param_get_ullong(char *buffer, const struct kernel_param *kp);
int param_set_hexint(const char *val, const struct kernel_param *kp);
int param_get_hexint(char *buffer, const struct kernel_param *kp);
int param_set_charp(const char *val, const struct kernel_param *kp);
int param_get_charp(char *buffer, const struct kernel_param *kp);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);
int param_set_invbool(const char *val, const struct kernel_param *kp);
int param_get_invbool(char *buffer, const struct kernel_param *kp);
__KSIM_END_DECLS

#endif
