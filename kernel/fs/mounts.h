// The mount table: which of the kernel's file systems is mounted where (Linux's fs/namespace.c, fs/proc_namespace.c).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ksim {

class Kernel;

struct MountEntry {
    std::string source, target, type, options;
};

// What is mounted, in the order it was mounted: sysfs, proc and devtmpfs
// from boot, then debugfs while it is mounted.
std::vector<MountEntry> mount_table(Kernel& kernel);
// Where a file system type of ksim's kernel lives ("/sys/kernel/debug" for
// debugfs); "" for a type the kernel does not have (get_fs_type() fails).
std::string_view home_of_fs_type(std::string_view type);
// /proc/mounts: "source target type options 0 0", with spaces, tabs,
// newlines and backslashes written as \ooo (show_vfsmnt()).
std::string proc_mounts(Kernel& kernel);

} // namespace ksim
