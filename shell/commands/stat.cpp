// stat: a file's type, size, mode, owner and device numbers, as coreutils lays them out.
#include <cstdio>
#include <cstring>

#include "shell/command.h"
#include "shell/file_info.h"

namespace ksim::shell {

namespace {

const char* type_name(const FileInfo& info)
{
    switch (info.type) {
    case 'd':
        return "directory";
    case 'c':
        return "character special file";
    case 'b':
        return "block special file";
    case 'l':
        return "symbolic link";
    case 'p':
        return "fifo";
    case 's':
        return "socket";
    default:
        return info.size ? "regular file" : "regular empty file";
    }
}

} // namespace

int cmd_stat(CommandContext& c)
{
    if (c.args.size() < 2) {
        c.err << "stat: missing operand\n";
        return 1;
    }
    int status = 0;
    for (size_t i = 1; i < c.args.size(); ++i) {
        auto info = stat_path(c.shell, c.args[i]);
        if (info.is_error()) {
            c.err << "stat: cannot statx '" << c.args[i] << "': " << std::strerror(info.error()) << "\n";
            status = 1;
            continue;
        }
        const FileInfo& f = info.value();
        char line[160];
        c.out << "  File: " << c.args[i] << "\n";
        std::snprintf(line, sizeof line, "  Size: %-10lld\tBlocks: %-10lld IO Block: 4096   %s\n", f.size, f.blocks * 2,
            type_name(f));
        c.out << line;
        if (f.type == 'c' || f.type == 'b') {
            std::snprintf(line, sizeof line, "Device type: %x,%x\n", f.rdev >> 20, f.rdev & 0xfffff);
            c.out << line;
        }
        std::snprintf(line, sizeof line, "Access: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n", f.mode,
            mode_string(f).c_str(), f.uid, owner_name(f.uid).c_str(), f.uid, owner_name(f.uid).c_str());
        c.out << line;
    }
    return status;
}

} // namespace ksim::shell
