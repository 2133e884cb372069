// What is mounted, as libmount reads it: /proc/self/mounts, through the system-call door.
#pragma once

#include <string>
#include <vector>

#include "shell/command.h"

namespace ksim::shell {

struct MountedFs {
    std::string source, target, type, options;
};

// Every mount, in the order of the file; empty when it cannot be read.
std::vector<MountedFs> read_mount_table(CommandContext& c);

} // namespace ksim::shell
