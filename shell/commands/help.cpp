// help: the commands and their usage.
#include <cstdio>

#include "shell/command.h"

namespace ksim::shell {

int cmd_help(CommandContext& c)
{
    if (c.args.size() > 1) {
        const Command* command = find_command(c.args[1]);
        if (!command) {
            c.err << "help: no help topics match `" << c.args[1] << "'.\n";
            return 1;
        }
        c.out << "usage: " << command->usage << "\n    " << command->summary << "\n";
        return 0;
    }
    c.out << "ksim shell: a Linux 6.1 kernel in one process. Commands:\n";
    for (const Command& command : command_table()) {
        char line[160];
        std::snprintf(line, sizeof line, "  %-10s %s\n", command.name, command.summary);
        c.out << line;
    }
    c.out << "Shell syntax: ; && || $? # comments, 'single' and \"double\" quotes, > >> 2> 2>&1.\n"
             "Module commands need root: prefix them with sudo. `help COMMAND` shows its usage.\n";
    return 0;
}

} // namespace ksim::shell
