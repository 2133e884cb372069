// cat: print host files and the kernel's /proc and /sys files.
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "fs/vfs.h"
#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

int cmd_cat(CommandContext& c)
{
    int status = 0;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& path = c.args[i];
        std::string absolute = c.shell.host_path(path);
        std::string contents;
        if (VirtualFs::is_kernel_path(absolute)) {
            Task task = c.kernel.task();
            auto data = c.kernel.vfs().read(task, absolute);
            if (data.is_error()) {
                c.err << "cat: " << path << ": " << std::strerror(data.error()) << "\n";
                status = 1;
                continue;
            }
            contents = data.release_value();
        } else if (!read_host_file(absolute, contents)) {
            c.err << "cat: " << path << ": " << std::strerror(errno) << "\n";
            status = 1;
            continue;
        }
        c.out << contents;
    }
    return status;
}

} // namespace ksim::shell
