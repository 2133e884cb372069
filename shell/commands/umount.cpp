// umount: unmount a file system (util-linux 2.38's wording and exit codes).
#include <cerrno>
#include <cstring>

#include "shell/command.h"
#include "shell/commands/mount_table.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

constexpr int ex_usage = 1, ex_fail = 32;

// What mnt_context_get_umount_excode() says about an errno from umount(2).
std::string umount_error(int error)
{
    switch (error) {
    case EINVAL:
        return "not mounted";
    case EBUSY:
        return "target is busy";
    case ENOENT:
        return "no mount point specified";
    case EPERM:
        return "must be superuser to unmount";
    default:
        return std::string("umount(2) system call failed: ").append(std::strerror(error));
    }
}

} // namespace

int cmd_umount(CommandContext& c)
{
    std::vector<std::string> targets(c.args.begin() + 1, c.args.end());
    if (targets.empty()) {
        c.err << "umount: bad usage\nTry 'umount --help' for more information.\n";
        return ex_usage;
    }
    int status = 0;
    for (const std::string& target : targets) {
        std::string full = c.shell.host_path(target);
        if (!c.root) {
            // The set-user-ID umount looks the target up first: a user may only
            // unmount what fstab lets users unmount, and something not mounted
            // at all is reported without asking the kernel.
            bool mounted = false;
            for (const MountedFs& m : read_mount_table(c))
                mounted |= m.target == full;
            if (!mounted) {
                c.err << "umount: " << target << ": not mounted.\n";
                status = ex_usage;
                continue;
            }
        }
        if (long result = sys::umount2(full.c_str(), 0); result < 0) {
            c.err << "umount: " << target << ": " << umount_error(static_cast<int>(-result)) << ".\n";
            status = ex_fail;
        }
    }
    return status;
}

} // namespace ksim::shell
