/* Everything a loadable module needs: metadata tags, THIS_MODULE, exports, parameters. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <ksim/abi.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

/* Each tag becomes a "key=value" string in the .modinfo section, where
 * modinfo and the loader read it without running any module code. */
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, #ns)
#define MODULE_DEVICE_TABLE(type, name)

__KSIM_BEGIN_DECLS
bool try_module_get(struct module *module);
void module_put(struct module *module);
void __module_get(struct module *module);
int module_refcount(struct module *mod);
void *__symbol_get(const char *symbol);
void __symbol_put(const char *symbol);
__KSIM_END_DECLS

/* A symbol looked up while running, without linking against it: the
 * address (and a reference on its module) or NULL; symbol_put drops it. */
#define symbol_get(x) ((__typeof__(&x))(__symbol_get(__stringify(x))))
#define symbol_put(x) __symbol_put(__stringify(x))

#define module_name(mod) ((mod) ? (mod)->name : "kernel")

#endif
