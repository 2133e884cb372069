// insmod: open a module file and hand it to the kernel, with kmod's messages and exit codes.
#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "shell/command.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

int cmd_insmod(CommandContext& c)
{
    unsigned flags = 0;
    size_t i = 1;
    for (; i < c.args.size() && c.args[i].size() > 1 && c.args[i][0] == '-'; ++i) {
        const std::string& option = c.args[i];
        if (option == "-f" || option == "--force")
            flags |= module_init_ignore_vermagic | module_init_ignore_modversions;
        else if (option == "-s" || option == "--syslog" || option == "-p")
            continue; // accepted and ignored, as kmod does
        else if (option == "-h" || option == "--help") {
            c.out << "Usage:\n\tinsmod [options] filename [args]\nOptions:\n\t-V, --version     show version\n\t-h, "
                     "--help        show this help\n";
            return 0;
        } else {
            c.err << "insmod: ERROR: unexpected getopt_long() value '" << option.substr(1) << "'.\n";
            return 1;
        }
    }
    if (i >= c.args.size()) {
        c.err << "insmod: ERROR: missing filename.\n";
        return 1;
    }
    const std::string& path = c.args[i];
    if (path == "-") {
        c.err << "insmod: ERROR: this tool does not support loading from stdin!\n";
        return 1;
    }
    // The arguments are joined with single spaces into one string.
    std::string options;
    for (size_t j = i + 1; j < c.args.size(); ++j) {
        if (!options.empty())
            options += ' ';
        options += c.args[j];
    }
    // kmod opens the file and reads its first bytes to see whether it is
    // compressed (a folder fails there), then hands the kernel the
    // descriptor: finit_module reads the module itself.
    long fd = sys::open(c.shell.host_path(path).c_str(), O_RDONLY);
    char magic[6];
    long peeked = fd < 0 ? fd : sys::read(static_cast<int>(fd), magic, sizeof magic);
    if (peeked >= 0)
        peeked = sys::lseek(static_cast<int>(fd), 0, SEEK_SET);
    if (peeked < 0) {
        if (fd >= 0)
            sys::close(static_cast<int>(fd));
        c.err << "insmod: ERROR: could not load module " << path << ": " << std::strerror(static_cast<int>(-peeked))
              << "\n";
        return 1;
    }
    long loaded = sys::finit_module(static_cast<int>(fd), options.c_str(), static_cast<int>(flags));
    sys::close(static_cast<int>(fd));
    if (loaded < 0) {
        int error = static_cast<int>(-loaded);
        if (task_died(error)) {
            c.err << task_death_message(error) << "\n";
            return task_death_status(error);
        }
        c.err << "insmod: ERROR: could not insert module " << path << ": " << insmod_strerror(error) << "\n";
        return 1;
    }
    return 0;
}

} // namespace ksim::shell
