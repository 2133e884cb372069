// reboot(2) (Linux's kernel/reboot.c): CAP_SYS_BOOT, the magic numbers, then
// the kernel's last words and the machine's action.
#include <linux/reboot.h>

#include <cerrno>

#include "sched/kernel_task.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

long reboot(int magic1, int magic2, unsigned command, void* /*argument*/)
{
    // The capability comes first, then the magic, as in Linux.
    if (!caller().identity().is_root())
        return -EPERM;
    if (static_cast<unsigned>(magic1) != LINUX_REBOOT_MAGIC1
        || (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A && magic2 != LINUX_REBOOT_MAGIC2B
            && magic2 != LINUX_REBOOT_MAGIC2C))
        return -EINVAL;
    Kernel& kernel = Kernel::current();
    // pr_emerg() with kernel/reboot.c's pr_fmt, "reboot: ".
    switch (command) {
    case LINUX_REBOOT_CMD_RESTART:
        kernel.log().log(0, "reboot: Restarting system");
        kernel.machine(Kernel::MachineAction::restart);
        return 0;
    case LINUX_REBOOT_CMD_HALT:
        kernel.log().log(0, "reboot: System halted");
        kernel.machine(Kernel::MachineAction::halt);
        return 0;
    case LINUX_REBOOT_CMD_POWER_OFF:
        kernel.log().log(0, "reboot: Power down");
        kernel.machine(Kernel::MachineAction::power_off);
        return 0;
    case LINUX_REBOOT_CMD_CAD_ON:
    case LINUX_REBOOT_CMD_CAD_OFF:
        return 0; // Ctrl-Alt-Del: ksim's terminal has none
    default:
        return -EINVAL;
    }
}

} // namespace ksim::sys
