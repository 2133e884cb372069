// The /proc entries modules create with proc_create() and proc_mkdir() (fs/proc/generic.c).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ksim/fs_abi.h>

#include "fs/vfs.h"
#include "mm/slab.h"

namespace ksim {

class ProcEntries {
public:
    ProcEntries(Kernel& kernel, Directory& proc);
    ~ProcEntries();

    // proc_create_data(); nullptr (after Linux's warning) when the name is taken.
    struct proc_dir_entry* create_file(const std::string& name, unsigned mode, struct proc_dir_entry* parent,
        const struct proc_ops* ops, void* data, OwnerId owner);
    struct proc_dir_entry* create_directory(
        const std::string& name, unsigned mode, struct proc_dir_entry* parent, void* data, OwnerId owner);
    // proc_create_single_data(): a read-only file printed by one show function.
    struct proc_dir_entry* create_single(const std::string& name, unsigned mode, struct proc_dir_entry* parent,
        int (*show)(struct seq_file*, void*), void* data, OwnerId owner);
    using SingleShow = int (*)(struct seq_file*, void*);
    SingleShow single_show_of(const struct inode* inode) const;
    void set_size(struct proc_dir_entry* entry, long long size);
    void set_user(struct proc_dir_entry* entry, unsigned uid, unsigned gid);
    // proc_remove(): the entry and everything below it.
    void remove(struct proc_dir_entry* entry);
    // remove_proc_entry(): by name, with Linux's warnings.
    void remove(const std::string& name, struct proc_dir_entry* parent);
    void* data_of(const struct proc_dir_entry* entry) const;
    std::vector<std::string> abandon(OwnerId owner);

private:
    struct Entry;
    Entry* find(const struct proc_dir_entry* handle) const;
    Directory& directory_of(struct proc_dir_entry* parent) const;
    std::string path_of(const Entry* entry) const;
    // What Linux's messages call an entry's directory: its name, "/proc" for the root.
    std::string name_of(const Entry* entry) const;
    struct proc_dir_entry* add(std::unique_ptr<Entry> entry, std::shared_ptr<VfsNode> node);
    void erase(Entry* entry);

    Kernel& m_kernel;
    Directory& m_proc;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::map<const struct inode*, SingleShow> m_single_shows;
};

} // namespace ksim
