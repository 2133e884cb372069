// tee: copy standard input to standard output and to files (as tutorials write to /sys with sudo tee).
#include <fcntl.h>

#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

int cmd_tee(CommandContext& c)
{
    bool append = false;
    std::vector<std::string> paths;
    for (size_t i = 1; i < c.args.size(); ++i) {
        if (c.args[i] == "-a" || c.args[i] == "--append")
            append = true;
        else
            paths.push_back(c.args[i]);
    }
    int status = 0;
    std::vector<std::pair<std::string, std::shared_ptr<FileHandle>>> files;
    for (const std::string& path : paths) {
        auto file = c.shell.open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC));
        if (file.is_error()) {
            status = report_error(c, quote_name(path), file.error());
            continue;
        }
        files.emplace_back(path, file.release_value());
    }
    while (true) {
        auto chunk = c.in.read(128 << 10);
        if (chunk.is_error()) {
            status = report_error(c, "standard input", chunk.error());
            break;
        }
        if (chunk.value().empty())
            break;
        c.out << chunk.value();
        for (auto it = files.begin(); it != files.end();) {
            if (auto written = write_all(*it->second, chunk.value()); written.is_error()) {
                status = report_error(c, quote_name(it->first), written.error());
                it = files.erase(it);
            } else {
                ++it;
            }
        }
    }
    return status;
}

} // namespace ksim::shell
