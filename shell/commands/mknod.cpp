// mknod and rm: make and remove device nodes under /dev (root only, as on Linux).
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "drivers/char_dev.h"
#include "fs/devtmpfs.h"
#include "fs/vfs.h"
#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

// "/dev/x/y" -> "x/y"; "" for a path outside /dev.
std::string dev_relative(const std::string& absolute)
{
    return absolute.starts_with("/dev/") ? absolute.substr(5) : std::string();
}

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
    std::string name = dev_relative(c.shell.host_path(operands[0]));
    // CAP_MKNOD; ksim keeps device nodes in its own /dev.
    if (!c.root || name.empty()) {
        c.err << "mknod: " << operands[0] << ": " << std::strerror(EPERM) << "\n";
        return 1;
    }
    // The folder it goes in must exist and be one: /dev/null/x is ENOTDIR, as mknod(2) says.
    std::string parent = std::filesystem::path("/dev/" + name).parent_path().string();
    auto folder = c.kernel.vfs().resolve(parent);
    int missing = folder.is_error() ? folder.error() : folder.value()->is_directory() ? 0 : ENOTDIR;
    if (missing) {
        c.err << "mknod: " << operands[0] << ": " << std::strerror(missing) << "\n";
        return 1;
    }
    auto made = Devtmpfs(c.kernel.vfs().root().subdirectory("dev"))
                    .create(c.kernel, name, make_dev(static_cast<unsigned>(major), static_cast<unsigned>(minor)),
                        static_cast<unsigned>(mode));
    if (made.is_error()) {
        c.err << "mknod: " << operands[0] << ": " << std::strerror(made.error()) << "\n";
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
        int error = 0;
        if (VirtualFs::is_kernel_path(full)) {
            auto node = c.kernel.vfs().resolve(full);
            std::string name = dev_relative(full);
            if (node.is_error())
                error = node.error();
            else if (node.value()->is_directory())
                error = EISDIR;
            else if (name.empty())
                error = EPERM; // /proc and /sys files belong to the kernel
            else if (!c.root)
                error = EACCES;
            else
                Devtmpfs(c.kernel.vfs().root().subdirectory("dev")).remove(name, node.value()->info().rdev);
        } else if (c.shell.is_system_file(full) && !c.root) {
            error = EACCES;
        } else {
            std::error_code ec;
            if (std::filesystem::is_directory(full, ec))
                error = EISDIR;
            else if (!std::filesystem::remove(full, ec))
                error = ec ? ec.value() : ENOENT;
        }
        if (error && !(force && error == ENOENT)) {
            c.err << "rm: cannot remove '" << path << "': " << std::strerror(error) << "\n";
            status = 1;
        }
    }
    return status;
}

} // namespace ksim::shell
