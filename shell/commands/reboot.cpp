// reboot, halt and poweroff: as busybox's with -f, straight to reboot(2).
#include <linux/reboot.h>

#include <iostream>

#include "shell/command.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

int cmd_reboot(CommandContext& c)
{
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        // -f (no init to ask) and -n (no sync) change nothing here.
        if (a != "-f" && a != "-n") {
            c.err << c.args[0] << ": invalid option -- '" << (a.size() > 1 ? a.substr(1, 1) : a) << "'\n"
                  << "Usage: " << c.args[0] << " [-n] [-f]\n";
            return 1;
        }
    }
    unsigned command = c.args[0] == "poweroff" ? LINUX_REBOOT_CMD_POWER_OFF
        : c.args[0] == "halt"                  ? LINUX_REBOOT_CMD_HALT
                                               : LINUX_REBOOT_CMD_RESTART;
    c.out.flush();
    std::cout.flush();
    long done = sys::reboot(static_cast<int>(LINUX_REBOOT_MAGIC1), LINUX_REBOOT_MAGIC2, command, nullptr);
    return done < 0 ? report_error(c, "", static_cast<int>(-done)) : 0;
}

} // namespace ksim::shell
