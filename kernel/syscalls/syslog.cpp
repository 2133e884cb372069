// syslog(2) (Linux's kernel/printk/printk.c): the checks on the caller; the
// actions themselves are the kernel log's (printk/syslog.cpp).
#include <cstring>

#include "syscalls/door.h"
#include "syscalls/syscalls.h"
#include "sched/kernel_task.h"

namespace ksim::sys {

long syslog(int action, char* buffer, int length)
{
    KernelLog& log = Kernel::current().log();
    if (!log.syslog_permitted(action, caller().identity().is_root()))
        return -EPERM;
    bool reads = action == SYSLOG_ACTION_READ || action == SYSLOG_ACTION_READ_ALL || action == SYSLOG_ACTION_READ_CLEAR;
    if (reads && !buffer)
        return -EINVAL;
    std::string text;
    auto result = log.syslog(action, length, text);
    if (result.is_error())
        return leave(-result.error());
    if (!text.empty())
        std::memcpy(buffer, text.data(), text.size());
    return result.value();
}

} // namespace ksim::sys
