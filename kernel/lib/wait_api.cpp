// Wait queues in a kernel that runs one task at a time: see <linux/wait.h>.
#include "core/export.h"
#include "core/kernel.h"

KSIM_EXPORT int __ksim_wait_never_woken(const char* condition, bool interruptible)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    const ksim::Task& task = kernel.task();
    std::string where = kernel.symbolize(reinterpret_cast<uintptr_t>(__builtin_return_address(0)), true);
    if (interruptible) {
        // As if a signal had come: the system call returns EINTR to user space.
        kernel.log().log(6,
            "ksim: " + task.comm + "[" + std::to_string(task.pid) + "] would sleep in " + where + " until '" + condition
                + "'; nothing can wake it, so it is interrupted");
        return -512; // -ERESTARTSYS
    }
    kernel.log().log(
        3, "INFO: task " + task.comm + ":" + std::to_string(task.pid) + " blocked for more than 120 seconds.");
    kernel.log().log(3,
        "ksim: " + where + " waits uninterruptibly for '" + condition
            + "', which nothing can make true: a real kernel would hang here for good");
    return 0;
}
