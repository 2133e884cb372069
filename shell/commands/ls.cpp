// ls: list host directories and the kernel's /proc and /sys directories, one name per line.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "fs/vfs.h"
#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

int cmd_ls(CommandContext& c)
{
    std::vector<std::string> paths;
    for (size_t i = 1; i < c.args.size(); ++i)
        if (c.args[i] != "-1")
            paths.push_back(c.args[i]);
    if (paths.empty())
        paths.push_back(".");
    int status = 0;
    for (const std::string& path : paths) {
        std::string absolute = c.shell.host_path(path);
        std::vector<std::string> names;
        if (VirtualFs::is_kernel_path(absolute)) {
            auto node = c.kernel.vfs().resolve(absolute);
            if (node.is_error()) {
                c.err << "ls: cannot access '" << path << "': " << std::strerror(node.error()) << "\n";
                status = 2;
                continue;
            }
            if (!node.value()->is_directory())
                names.push_back(path);
            else
                names = node.value()->list();
        } else {
            std::error_code ec;
            if (!std::filesystem::exists(absolute, ec)) {
                c.err << "ls: cannot access '" << path << "': No such file or directory\n";
                status = 2;
                continue;
            }
            if (!std::filesystem::is_directory(absolute, ec)) {
                names.push_back(path);
            } else {
                for (const auto& entry : std::filesystem::directory_iterator(absolute, ec))
                    if (!entry.path().filename().string().starts_with('.'))
                        names.push_back(entry.path().filename().string());
            }
        }
        std::sort(names.begin(), names.end());
        if (paths.size() > 1)
            c.out << path << ":\n";
        for (const std::string& name : names)
            c.out << name << "\n";
    }
    return status;
}

} // namespace ksim::shell
