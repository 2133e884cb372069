/* /proc entries: files whose reads and writes a module serves through struct proc_ops. */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <ksim/fs_abi.h>
#include <linux/fs.h>
#include <linux/types.h>
#include <linux/uidgid.h>

#define PROC_ENTRY_PERMANENT 1U

__KSIM_BEGIN_DECLS
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data);
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode, struct proc_dir_entry *parent, void *data);
void proc_remove(struct proc_dir_entry *entry);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
void *pde_data(const struct inode *inode);
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data);
void proc_set_size(struct proc_dir_entry *entry, loff_t size);
void proc_set_user(struct proc_dir_entry *entry, kuid_t uid, kgid_t gid);
__KSIM_END_DECLS

#define proc_create_single(name, mode, parent, show) proc_create_single_data(name, mode, parent, show, NULL)

#endif
