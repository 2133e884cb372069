// mount(2) and umount2(2) (Linux's fs/namespace.c): ksim's kernel file systems live in their own places;
// only debugfs comes and goes, as root mounts and unmounts it on /sys/kernel/debug.
#include <sys/mount.h>
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <string>

#include "fs/debugfs.h"
#include "fs/mounts.h"
#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

namespace {

// user_path_at(): the mount point must exist (and be reachable by the caller).
long look_up(const char* path, const Task& task)
{
    if (!is_kernel_path(path)) {
        struct stat st;
        return host_result(::stat(path, &st));
    }
    auto node = Kernel::current().vfs().resolve(path, &task);
    return node.is_error() ? -node.error() : 0;
}

std::string normal(const char* path)
{
    std::string text = std::filesystem::path(path).lexically_normal().string();
    if (text.size() > 1 && text.ends_with('/'))
        text.pop_back();
    return text;
}

// show_mnt_opts(): what /proc/mounts says of the per-mount flags.
std::string mount_options(unsigned long flags)
{
    std::string text = flags & MS_RDONLY ? "ro" : "rw";
    if (flags & MS_NOSUID)
        text += ",nosuid";
    if (flags & MS_NODEV)
        text += ",nodev";
    if (flags & MS_NOEXEC)
        text += ",noexec";
    text += flags & MS_NOATIME ? ",noatime" : ",relatime";
    return text;
}

} // namespace

long mount(const char* source, const char* target, const char* type, unsigned long flags, const void* /*data*/)
{
    // debugfs has traditionally ignored its mount options, and ksim applies
    // none of uid=, gid= or mode=: `data` is not read.
    const Task& task = caller().identity();
    if (long error = look_up(target, task))
        return error;
    if (!task.is_root())
        return -EPERM; // may_mount(): CAP_SYS_ADMIN
    constexpr unsigned long known = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_RELATIME | MS_SILENT;
    if (flags & ~known)
        return -EINVAL; // remounts, binds, moves and propagation changes are not ksim's
    if (!type)
        return -EINVAL;
    std::string_view home = home_of_fs_type(type);
    if (home.empty())
        return -ENODEV;
    if (normal(target) != home)
        return -EPERM; // ksim cannot graft its file systems onto other places
    if (std::string_view(type) != "debugfs")
        return -EBUSY; // the same superblock on the same mount point
    return result_of(Kernel::current().debugfs().mount(source ? source : "none", mount_options(flags)));
}

long umount2(const char* target, int flags)
{
    if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
        return -EINVAL;
    const Task& task = caller().identity();
    if (long error = look_up(target, task))
        return error;
    if (!task.is_root())
        return -EPERM; // can_umount(): CAP_SYS_ADMIN
    std::string path = normal(target);
    Debugfs& debugfs = Kernel::current().debugfs();
    if (path == home_of_fs_type("debugfs") && debugfs.mounted())
        return result_of(debugfs.unmount());
    for (const MountEntry& m : mount_table(Kernel::current()))
        if (m.target == path)
            return -EBUSY; // /proc, /sys and /dev are always in use
    return -EINVAL; // not a mount point
}

} // namespace ksim::sys
