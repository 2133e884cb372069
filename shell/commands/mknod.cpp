// mknod and rm: make and remove device nodes under /dev (root only, as on Linux).
#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "shell/command.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

bool parse_number(const std::string& text, unsigned long& value, int base)
{
    try {
        size_t used = 0;
        value = std::stoul(text, &used, base);
        return used == text.size();
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

int cmd_mknod(CommandContext& c)
{
    unsigned long mode = 0666 & ~022UL; // the default umask
    std::vector<std::string> operands;
    for (size_t i = 1; i < c.args.size(); ++i) {
        if (c.args[i] == "-m" && i + 1 < c.args.size()) {
            if (!parse_number(c.args[++i], mode, 8) || mode > 07777) {
                c.err << "mknod: invalid mode\n";
                return 1;
            }
        } else {
            operands.push_back(c.args[i]);
        }
    }
    if (operands.size() != 4 || (operands[1] != "c" && operands[1] != "u")) {
        c.err << (operands.size() == 4 ? "mknod: only character devices (c) are supported\n"
                                       : "Usage: mknod [-m MODE] NAME c MAJOR MINOR\n");
        return 1;
    }
    unsigned long major = 0, minor = 0;
    if (!parse_number(operands[2], major, 0) || !parse_number(operands[3], minor, 0) || major > 4095
        || minor > 0xfffff) {
        c.err << "mknod: invalid major or minor device number\n";
        return 1;
    }
    std::string full = c.shell.host_path(operands[0]);
    long made = sys::mknod(full.c_str(), S_IFCHR | static_cast<unsigned>(mode),
        makedev(static_cast<unsigned>(major), static_cast<unsigned>(minor)));
    if (made < 0) {
        c.err << "mknod: " << operands[0] << ": " << std::strerror(static_cast<int>(-made)) << "\n";
        return 1;
    }
    return 0;
}

int cmd_rm(CommandContext& c)
{
    bool force = false;
    int status = 0;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& path = c.args[i];
        if (path == "-f") {
            force = true;
            continue;
        }
        std::string full = c.shell.host_path(path);
        // rm looks before it unlinks: a folder is refused with EISDIR (it would need -r).
        struct stat st;
        long error = sys::lstat(full.c_str(), &st);
        if (error == 0 && S_ISDIR(st.st_mode))
            error = -EISDIR;
        else if (error == 0 && c.shell.is_system_file(full) && !c.root)
            error = -EACCES; // the sysroot is root's, as /lib is
        else if (error == 0)
            error = sys::unlink(full.c_str());
        error = -error;
        if (error && !(force && error == ENOENT)) {
            c.err << "rm: cannot remove '" << path << "': " << std::strerror(error) << "\n";
            status = 1;
        }
    }
    return status;
}

} // namespace ksim::shell
