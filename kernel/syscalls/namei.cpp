// mknod(2), mkdir(2) and unlink(2) (Linux's fs/namei.c): device nodes live in ksim's /dev; the rest is the host's.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string>

#include "drivers/char_dev.h"
#include "fs/devtmpfs.h"
#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

namespace {

// "/dev/x/y" -> "x/y"; "" for a path outside /dev.
std::string dev_relative(const std::string& path)
{
    return path.starts_with("/dev/") ? path.substr(5) : std::string();
}

Devtmpfs dev_folder(Kernel& kernel)
{
    return Devtmpfs(kernel.vfs().root().subdirectory("dev"));
}

} // namespace

long mknod(const char* path, unsigned mode, unsigned long dev)
{
    Kernel& kernel = Kernel::current();
    const Task& task = caller().identity();
    std::string name = dev_relative(path);
    // CAP_MKNOD, checked before the path as vfs_mknod() does; ksim keeps
    // every device node in its own /dev, and makes character devices only.
    if (!task.is_root() || name.empty())
        return -EPERM;
    if ((mode & S_IFMT) != S_IFCHR)
        return -EINVAL;
    // The folder it goes in must exist and be one: /dev/null/x is ENOTDIR.
    auto folder = kernel.vfs().resolve(std::filesystem::path(path).parent_path().string(), &task);
    if (folder.is_error())
        return -folder.error();
    if (!folder.value()->is_directory())
        return -ENOTDIR;
    return result_of(dev_folder(kernel).create(kernel, name, make_dev(::major(dev), ::minor(dev)), mode & 07777));
}

long mkdir(const char* path, unsigned mode)
{
    if (!is_kernel_path(path))
        return host_result(::mkdir(path, mode));
    Kernel& kernel = Kernel::current();
    const Task& task = caller().identity();
    std::filesystem::path name(path);
    auto parent = kernel.vfs().resolve(name.parent_path().string(), &task);
    if (parent.is_error())
        return -parent.error();
    auto* folder = dynamic_cast<Directory*>(parent.value().get());
    if (!folder)
        return -ENOTDIR;
    // filename_create(): an existing name is EEXIST before any permission check.
    if (folder->lookup(name.filename().string()))
        return -EEXIST;
    // may_create(): write and search permission on the folder (root has CAP_DAC_OVERRIDE).
    if (NodeInfo info = folder->info(); !task.is_root() && !(info.mode & (task.uid == info.uid ? 0200 : 0002)))
        return -EACCES;
    // procfs, sysfs and debugfs folders have no mkdir inode operation; devtmpfs is a tmpfs.
    if (dev_relative(path).empty())
        return -EPERM;
    folder->subdirectory(name.filename().string(), mode & 07777);
    return 0;
}

long unlink(const char* path)
{
    if (!is_kernel_path(path))
        return host_result(::unlink(path));
    Kernel& kernel = Kernel::current();
    const Task& task = caller().identity();
    auto node = kernel.vfs().resolve(path, &task);
    if (node.is_error())
        return -node.error();
    if (node.value()->is_directory())
        return -EISDIR;
    std::string name = dev_relative(path);
    if (name.empty())
        return -EPERM; // /proc and /sys files belong to the kernel
    if (!task.is_root())
        return -EACCES; // /dev is root's, mode 0755
    dev_folder(kernel).remove(name, node.value()->info().rdev);
    return 0;
}

} // namespace ksim::sys
