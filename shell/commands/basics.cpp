// The small everyday commands: true, false, whoami, id, uname, cd, pwd, exit.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <ksim/abi.h>

#include "shell/command.h"
#include "shell/shell.h"

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

int cmd_uname(CommandContext& c)
{
    std::string option = c.args.size() > 1 ? c.args[1] : "-s";
    if (option == "-r")
        c.out << KSIM_UTS_RELEASE << "\n";
    else if (option == "-a")
        c.out << "Linux ksim " << KSIM_UTS_RELEASE << " #1 SMP PREEMPT_DYNAMIC ksim x86_64 GNU/Linux\n";
    else
        c.out << "Linux\n";
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
