// proc_create() and friends: the module API of procfs.
#include <ksim/fs_abi.h>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "fs/proc_entries.h"

KSIM_EXPORT struct proc_dir_entry* proc_create_data(
    const char* name, unsigned short mode, struct proc_dir_entry* parent, const struct proc_ops* ops, void* data)
{
    return ksim::Kernel::current().proc_entries().create_file(
        name ? name : "", mode, parent, ops, data, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT struct proc_dir_entry* proc_create(
    const char* name, unsigned short mode, struct proc_dir_entry* parent, const struct proc_ops* ops)
{
    return ksim::Kernel::current().proc_entries().create_file(
        name ? name : "", mode, parent, ops, nullptr, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT struct proc_dir_entry* proc_mkdir_data(
    const char* name, unsigned short mode, struct proc_dir_entry* parent, void* data)
{
    return ksim::Kernel::current().proc_entries().create_directory(
        name ? name : "", mode, parent, data, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT struct proc_dir_entry* proc_mkdir_mode(const char* name, unsigned short mode, struct proc_dir_entry* parent)
{
    return ksim::Kernel::current().proc_entries().create_directory(
        name ? name : "", mode, parent, nullptr, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT struct proc_dir_entry* proc_mkdir(const char* name, struct proc_dir_entry* parent)
{
    return ksim::Kernel::current().proc_entries().create_directory(
        name ? name : "", 0, parent, nullptr, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void proc_remove(struct proc_dir_entry* entry)
{
    if (entry)
        ksim::Kernel::current().proc_entries().remove(entry);
}

KSIM_EXPORT void remove_proc_entry(const char* name, struct proc_dir_entry* parent)
{
    ksim::Kernel::current().proc_entries().remove(name ? name : "", parent);
}

KSIM_EXPORT struct proc_dir_entry* proc_create_single_data(const char* name, unsigned short mode,
    struct proc_dir_entry* parent, int (*show)(struct seq_file*, void*), void* data)
{
    return ksim::Kernel::current().proc_entries().create_single(
        name ? name : "", mode, parent, show, data, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void proc_set_size(struct proc_dir_entry* entry, long long size)
{
    ksim::Kernel::current().proc_entries().set_size(entry, size);
}

KSIM_EXPORT void proc_set_user(struct proc_dir_entry* entry, unsigned int uid, unsigned int gid)
{
    ksim::Kernel::current().proc_entries().set_user(entry, uid, gid);
}

KSIM_EXPORT void* pde_data(const struct inode* inode)
{
    return inode->i_private;
}
