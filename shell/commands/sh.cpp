// sh: a child shell, for `sudo sh -c 'echo 1 > /dev/x'` and script files.
#include <fstream>
#include <sstream>

#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

int cmd_sh(CommandContext& c)
{
    if (c.args.size() >= 2 && c.args[1] == "-c") {
        if (c.args.size() == 2) {
            c.err << "sh: 0: -c requires an argument\n"; // dash's words
            return 2;
        }
        return c.shell.run_child(c.args[2], c.root, {c.in, c.out, c.err});
    }
    if (c.args.size() == 2) {
        std::string script;
        if (!read_host_file(c.shell.host_path(c.args[1]), script)) {
            c.err << "sh: 0: cannot open " << c.args[1] << ": No such file\n";
            return 2;
        }
        std::istringstream lines(script);
        std::string line;
        int status = 0;
        while (std::getline(lines, line))
            status = c.shell.run_child(line, c.root, {c.in, c.out, c.err});
        return status;
    }
    c.err << "usage: sh -c COMMAND | sh FILE\n";
    return 2;
}

} // namespace ksim::shell
