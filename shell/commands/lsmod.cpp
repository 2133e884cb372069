// lsmod: the loaded modules in kmod's columns, from /proc/modules and /sys/module as kmod reads them.
#include <cstdio>
#include <sstream>

#include "shell/command.h"
#include "shell/file_info.h"
#include "shell/shell.h"

namespace ksim::shell {

int cmd_lsmod(CommandContext& c)
{
    if (c.args.size() != 1) {
        c.err << "Usage: " << c.args[0] << "\n";
        return 1;
    }
    int status = 0;
    std::optional<std::string> modules = read_whole_input(
        c, "/proc/modules", status, "ERROR: could not get list of modules", "ERROR: could not get list of modules");
    if (!modules)
        return status;
    c.out << "Module                  Size  Used by\n";
    std::istringstream lines(*modules);
    for (std::string line; std::getline(lines, line);) {
        // name size refcount dependents state address, newest first.
        std::istringstream fields(line);
        std::string name;
        long size = 0;
        std::string use_count;
        if (!(fields >> name >> size >> use_count))
            continue;
        char row[128];
        std::snprintf(
            row, sizeof row, "%-19s %8ld  %s", name.c_str(), size, use_count == "-" ? "0" : use_count.c_str());
        c.out << row;
        auto holders = list_directory(c.shell, "/sys/module/" + name + "/holders");
        const std::vector<std::string> none;
        const std::vector<std::string>& names = holders.is_error() ? none : holders.value();
        for (size_t i = 0; i < names.size(); ++i)
            c.out << (i == 0 ? " " : ",") << names[i];
        c.out << "\n";
    }
    return 0;
}

} // namespace ksim::shell
