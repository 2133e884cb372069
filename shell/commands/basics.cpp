// The small everyday commands: true (and :), false, whoami, id, uname, cd, pwd, exit.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <sys/utsname.h>

#include <map>
#include <set>
#include <string_view>

#include "shell/command.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

int cmd_basics_true(CommandContext&)
{
    return 0;
}

int cmd_basics_false(CommandContext&)
{
    return 1;
}

int cmd_whoami(CommandContext& c)
{
    c.out << (c.root ? "root" : c.shell.user_name()) << "\n";
    return 0;
}

int cmd_id(CommandContext& c)
{
    if (c.root)
        c.out << "uid=0(root) gid=0(root) groups=0(root)\n";
    else
        c.out << "uid=1000(learner) gid=1000(learner) groups=1000(learner)\n";
    return 0;
}

// GNU uname: the fields asked for, always in the order -s -n -r -v -m -p -i -o;
// -a leaves out -p and -i, which are "unknown" on a Debian PC.
int cmd_uname(CommandContext& c)
{
    static constexpr std::string_view letters = "snrvmpio";
    static const std::map<std::string_view, char> long_options = {{"--kernel-name", 's'}, {"--nodename", 'n'},
        {"--kernel-release", 'r'}, {"--kernel-version", 'v'}, {"--machine", 'm'}, {"--processor", 'p'},
        {"--hardware-platform", 'i'}, {"--operating-system", 'o'}};
    auto usage_error = [&](const std::string& message) {
        c.err << "uname: " << message << "\nTry 'uname --help' for more information.\n";
        return 1;
    };
    std::set<char> wanted;
    bool all = false;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a == "-a" || a == "--all") {
            all = true;
        } else if (auto option = long_options.find(a); option != long_options.end()) {
            wanted.insert(option->second);
        } else if (a.starts_with("--")) {
            return usage_error(std::string("unrecognized option '").append(a).append("'"));
        } else if (a.size() > 1 && a[0] == '-') {
            for (char letter : a.substr(1)) {
                if (letter == 'a')
                    all = true;
                else if (letters.find(letter) != std::string_view::npos)
                    wanted.insert(letter);
                else
                    return usage_error(std::string("invalid option -- '").append(1, letter).append("'"));
            }
        } else {
            return usage_error(std::string("extra operand '").append(a).append("'"));
        }
    }
    struct utsname name;
    if (long failed = sys::uname(&name); failed < 0)
        return report_error(c, "cannot get system name", static_cast<int>(-failed));
    if (all)
        wanted.insert({'s', 'n', 'r', 'v', 'm', 'o'});
    if (wanted.empty())
        wanted.insert('s');
    const std::map<char, std::string> fields = {{'s', name.sysname}, {'n', name.nodename}, {'r', name.release},
        {'v', name.version}, {'m', name.machine}, {'p', "unknown"}, {'i', "unknown"}, {'o', "GNU/Linux"}};
    std::string line;
    for (char letter : letters) {
        if (!wanted.contains(letter))
            continue;
        if (!line.empty())
            line += ' ';
        line += fields.at(letter);
    }
    c.out << line << "\n";
    return 0;
}

int cmd_cd(CommandContext& c)
{
    const char* home = std::getenv("HOME");
    std::string target = c.args.size() > 1 ? c.args[1] : (home ? home : "/");
    std::error_code ec;
    std::filesystem::current_path(target, ec);
    if (ec) {
        c.err << "ksim: cd: " << target << ": " << ec.message() << "\n";
        return 1;
    }
    return 0;
}

int cmd_pwd(CommandContext& c)
{
    c.out << std::filesystem::current_path().string() << "\n";
    return 0;
}

int cmd_exit(CommandContext& c)
{
    int status = c.shell.last_status();
    if (c.args.size() > 1)
        status = std::atoi(c.args[1].c_str()) & 0xff;
    c.shell.request_exit(status);
    return status;
}

} // namespace ksim::shell
