// The struct dentry a module sees (file->f_path.dentry, debugfs's handles):
// a name and an inode, no more; ksim's directories are its own.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>

#include <ksim/fs_abi.h>

namespace ksim {

// `name` must outlive the dentry: d_name points into it.
inline void fill_dentry(struct dentry& dentry, const std::string& name, struct inode* inode)
{
    dentry.d_parent = &dentry; // a root, as far as the module can tell
    dentry.d_name.hash = 0;
    dentry.d_name.len = static_cast<unsigned int>(name.size());
    dentry.d_name.name = reinterpret_cast<const unsigned char*>(name.c_str());
    dentry.d_inode = inode;
    size_t inline_length = std::min(name.size(), sizeof dentry.d_iname - 1);
    std::memcpy(dentry.d_iname, name.data(), inline_length);
    dentry.d_iname[inline_length] = '\0';
}

} // namespace ksim
