// What stat(2) says about a path, for ls -l and stat: kernel nodes and host files alike.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "core/error_or.h"

namespace ksim::shell {

class Shell;

struct FileInfo {
    char type = '-'; // '-', 'd', 'c', 'b', 'l', 'p', 's'
    unsigned mode = 0; // permission bits
    unsigned uid = 0;
    unsigned long links = 1;
    unsigned rdev = 0; // Linux's MKDEV layout
    long long size = 0;
    long long blocks = 0; // 1 KiB blocks, as ls's total counts them
    std::time_t mtime = 0;
};

// stat(2), or lstat(2) when not following a final symbolic link.
ErrorOr<FileInfo> stat_path(Shell& shell, const std::string& path, bool follow = true);
// The names in a directory, sorted, without . and .. and hidden names.
ErrorOr<std::vector<std::string>> list_directory(Shell& shell, const std::string& path);

// "crw-------"
std::string mode_string(const FileInfo& info);
// "root" or "learner": the learner owns the host files ksim's own user owns.
std::string owner_name(unsigned uid);

} // namespace ksim::shell
