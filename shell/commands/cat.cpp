// cat: copy files (host files, /proc, /sys, /dev) or standard input to standard output.
#include "shell/command.h"

namespace ksim::shell {

int cmd_cat(CommandContext& c)
{
    std::vector<std::string> paths(c.args.begin() + 1, c.args.end());
    if (paths.empty())
        paths.push_back("-");
    int status = 0;
    for (const std::string& path : paths) {
        auto input = open_input(c, path);
        if (input.is_error()) {
            status = report_error(c, quote_name(path), input.error());
            continue;
        }
        // coreutils reads 128 KiB at a time until read() returns 0.
        while (true) {
            auto chunk = input.value()->read(128 << 10);
            if (chunk.is_error()) {
                status = report_error(c, quote_name(path), chunk.error());
                break;
            }
            if (chunk.value().empty())
                break;
            c.out << chunk.value();
            if (!c.out)
                return 1; // the reader of our pipe has gone
        }
        if (status > 128)
            return status; // the process died
    }
    return status;
}

} // namespace ksim::shell
