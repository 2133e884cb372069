// The mount table (see mounts.h).
#include "fs/mounts.h"

#include <cstdio>

#include "core/kernel.h"
#include "fs/debugfs.h"

namespace ksim {

namespace {

struct FsType {
    std::string_view type, home;
};

constexpr FsType fs_types[]
    = {{"sysfs", "/sys"}, {"proc", "/proc"}, {"devtmpfs", "/dev"}, {"debugfs", "/sys/kernel/debug"}};

// mangle(): the characters that would break a /proc/mounts field.
std::string mangle(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
            char octal[8];
            std::snprintf(octal, sizeof octal, "\\%03o", static_cast<unsigned char>(c));
            out += octal;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::vector<MountEntry> mount_table(Kernel& kernel)
{
    // As Debian 12's systemd and udev mount them at boot.
    std::vector<MountEntry> table {
        {"sysfs", "/sys", "sysfs", "rw,nosuid,nodev,noexec,relatime"},
        {"proc", "/proc", "proc", "rw,nosuid,nodev,noexec,relatime"},
        {"udev", "/dev", "devtmpfs", "rw,nosuid,relatime,mode=755,inode64"},
    };
    Debugfs& debugfs = kernel.debugfs();
    if (debugfs.mounted())
        table.push_back({debugfs.source(), "/sys/kernel/debug", "debugfs", debugfs.options()});
    return table;
}

std::string_view home_of_fs_type(std::string_view type)
{
    for (const FsType& t : fs_types)
        if (t.type == type)
            return t.home;
    return {};
}

std::string proc_mounts(Kernel& kernel)
{
    std::string text;
    for (const MountEntry& m : mount_table(kernel))
        text.append(mangle(m.source))
            .append(" ")
            .append(mangle(m.target))
            .append(" ")
            .append(m.type)
            .append(" ")
            .append(m.options)
            .append(" 0 0\n");
    return text;
}

} // namespace ksim
