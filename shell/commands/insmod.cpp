// insmod: read a module file and hand it to the kernel, with kmod's messages and exit codes.
#include <cerrno>
#include <cstring>
#include <span>

#include "shell/command.h"
#include "shell/shell.h"

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
    std::string image;
    if (!read_host_file(c.shell.host_path(path), image)) {
        c.err << "insmod: ERROR: could not load module " << path << ": " << std::strerror(errno) << "\n";
        return 1;
    }
    auto result = c.kernel.init_module(std::as_bytes(std::span(image.data(), image.size())), path, options, flags);
    if (result.is_error()) {
        if (task_died(result.error())) {
            c.err << task_death_message(result.error()) << "\n";
            return task_death_status(result.error());
        }
        c.err << "insmod: ERROR: could not insert module " << path << ": " << insmod_strerror(result.error()) << "\n";
        return 1;
    }
    return 0;
}

} // namespace ksim::shell
