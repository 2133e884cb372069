// poll: what a file is ready for, as poll(2) reports it without waiting (a driver's poll method).
#include <fcntl.h>

#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

std::string mask_names(unsigned mask)
{
    static const std::pair<unsigned, const char*> names[]
        = {{0x1, "POLLIN"}, {0x2, "POLLPRI"}, {0x4, "POLLOUT"}, {0x8, "POLLERR"}, {0x10, "POLLHUP"}, {0x20, "POLLNVAL"},
            {0x40, "POLLRDNORM"}, {0x80, "POLLRDBAND"}, {0x100, "POLLWRNORM"}, {0x200, "POLLWRBAND"}};
    std::string text;
    for (auto [bit, name] : names)
        if (mask & bit)
            text.append(text.empty() ? "" : " ").append(name);
    return text.empty() ? "(nothing)" : text;
}

} // namespace

int cmd_poll(CommandContext& c)
{
    if (c.args.size() < 2) {
        c.err << "usage: poll PATH ...\n";
        return 1;
    }
    int status = 0;
    for (size_t i = 1; i < c.args.size(); ++i) {
        auto file = c.shell.open(c.args[i], O_RDONLY | O_NONBLOCK);
        if (file.is_error()) {
            status = report_error(c, c.args[i], file.error());
            continue;
        }
        auto mask = file.value()->poll();
        if (mask.is_error()) {
            status = report_error(c, c.args[i], mask.error());
            continue;
        }
        c.out << c.args[i] << ": " << mask_names(mask.value()) << "\n";
    }
    return status;
}

} // namespace ksim::shell
