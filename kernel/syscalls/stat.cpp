// stat(2) and lstat(2) (Linux's fs/stat.c): what a path's inode says.
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstring>
#include <ctime>

#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

namespace {

unsigned file_type_bits(char type)
{
    switch (type) {
    case 'd':
        return S_IFDIR;
    case 'c':
        return S_IFCHR;
    default:
        return S_IFREG;
    }
}

// A directory is linked from its parent, from its own "." and from each
// subdirectory's "..": 2 plus its subdirectories, in kernfs, debugfs and tmpfs alike.
unsigned link_count(VfsNode& node)
{
    if (!node.is_directory())
        return 1;
    unsigned links = 2;
    for (const std::string& name : node.list())
        if (auto child = node.lookup(name); child && child->is_directory())
            ++links;
    return links;
}

long kernel_stat(const char* path, struct stat* out)
{
    const Task& task = caller().identity();
    auto node = Kernel::current().vfs().resolve(path, &task);
    if (node.is_error())
        return -node.error();
    NodeInfo info = node.value()->info();
    std::memset(out, 0, sizeof *out);
    out->st_mode = file_type_bits(info.type) | info.mode;
    out->st_nlink = link_count(*node.value());
    out->st_uid = info.uid;
    out->st_gid = info.uid;
    // NodeInfo keeps the kernel's MKDEV layout; user space sees the new_encode_dev() form.
    out->st_rdev = makedev(info.rdev >> 20, info.rdev & 0xfffff);
    out->st_size = info.size;
    out->st_blksize = 4096;
    // sysfs and procfs inodes carry the time they were looked up.
    out->st_atime = out->st_mtime = out->st_ctime = std::time(nullptr);
    return 0;
}

} // namespace

long stat(const char* path, struct stat* out)
{
    if (is_kernel_path(path))
        return kernel_stat(path, out);
    return host_result(::stat(path, out));
}

long lstat(const char* path, struct stat* out)
{
    if (is_kernel_path(path))
        return kernel_stat(path, out); // no symbolic links in ksim's /proc, /sys and /dev
    return host_result(::lstat(path, out));
}

} // namespace ksim::sys
