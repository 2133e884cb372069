// mount: list what is mounted, or mount one of the kernel's file systems (util-linux 2.38's wording and exit codes).
#include <sys/mount.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "shell/command.h"
#include "shell/commands/mount_table.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

// mount(8)'s exit codes.
constexpr int ex_usage = 1, ex_fail = 32;

// -o: the options that are mount(2) flags; the rest go to the file system as its data.
unsigned long parse_options(const std::string& list, std::string& data)
{
    struct Flag {
        const char* name;
        unsigned long set, clear;
    };
    static constexpr Flag flags[] = {{"ro", MS_RDONLY, 0}, {"rw", 0, MS_RDONLY}, {"nosuid", MS_NOSUID, 0},
        {"suid", 0, MS_NOSUID}, {"nodev", MS_NODEV, 0}, {"dev", 0, MS_NODEV}, {"noexec", MS_NOEXEC, 0},
        {"exec", 0, MS_NOEXEC}, {"noatime", MS_NOATIME, 0}, {"relatime", MS_RELATIME, 0}, {"defaults", 0, 0}};
    unsigned long result = 0;
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        std::string option = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const Flag* flag = nullptr;
        for (const Flag& f : flags)
            if (option == f.name)
                flag = &f;
        if (flag)
            result = (result | flag->set) & ~flag->clear;
        else if (!option.empty())
            data.append(data.empty() ? "" : ",").append(option);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return result;
}

// What mnt_context_get_mount_excode() says about an errno from mount(2).
std::string mount_error(
    CommandContext& c, int error, const std::string& source, const std::string& target, const std::string& type)
{
    struct stat st;
    bool directory = sys::stat(c.shell.host_path(target).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    switch (error) {
    case EPERM:
        if (!c.root)
            return "must be superuser to use mount";
        return directory ? "permission denied" : "mount point is not a directory";
    case EBUSY:
        for (const MountedFs& m : read_mount_table(c))
            if (m.source == source)
                return std::string(source).append(" already mounted on ").append(m.target);
        return std::string(source).append(" already mounted or mount point busy");
    case ENOENT:
        return "mount point does not exist";
    case ENOTDIR:
        return "mount point is not a directory";
    case EINVAL:
        return std::string("wrong fs type, bad option, bad superblock on ")
            .append(source)
            .append(", missing codepage or helper program, or other error");
    case ENODEV:
        return std::string("unknown filesystem type '").append(type).append("'");
    default:
        return std::string("mount(2) system call failed: ").append(std::strerror(error));
    }
}

int list_mounts(CommandContext& c, const std::string& type)
{
    for (const MountedFs& m : read_mount_table(c))
        if (type.empty() || m.type == type)
            c.out << m.source << " on " << m.target << " type " << m.type << " (" << m.options << ")\n";
    return 0;
}

} // namespace

int cmd_mount(CommandContext& c)
{
    std::string type, options;
    std::vector<std::string> operands;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if ((a == "-t" || a == "-o") && i + 1 < c.args.size())
            (a == "-t" ? type : options) = c.args[++i];
        else if (a != "-l")
            operands.push_back(a);
    }
    if (operands.empty())
        return list_mounts(c, type);
    if (operands.size() == 1) {
        // Only a source or a mount point: libmount looks it up in fstab, and ksim has none.
        c.err << "mount: " << operands[0] << ": can't find in /etc/fstab.\n";
        return ex_usage;
    }
    if (operands.size() > 2) {
        c.err << "mount: bad usage\nTry 'mount --help' for more information.\n";
        return ex_usage;
    }
    const std::string& source = operands[0];
    const std::string& target = operands[1];
    std::string data;
    unsigned long flags = parse_options(options, data);
    std::string full = c.shell.host_path(target);
    long result = sys::mount(source.c_str(), full.c_str(), type.empty() ? nullptr : type.c_str(), flags,
        data.empty() ? nullptr : data.c_str());
    if (result == 0)
        return 0;
    c.err << "mount: " << target << ": " << mount_error(c, static_cast<int>(-result), source, target, type) << ".\n"
          << "       dmesg(1) may have more information after failed mount system call.\n";
    return ex_fail;
}

} // namespace ksim::shell
