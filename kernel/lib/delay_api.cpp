// msleep(), udelay() and the self-deadlock report of mutex_lock().
#include <chrono>
#include <thread>

#include "core/export.h"
#include "core/kernel.h"

KSIM_EXPORT void msleep(unsigned int msecs)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(msecs));
}

KSIM_EXPORT void usleep_range(unsigned long min, unsigned long)
{
    std::this_thread::sleep_for(std::chrono::microseconds(min));
}

KSIM_EXPORT void __ksim_udelay(unsigned long usecs)
{
    // udelay() busy-waits on Linux; sleeping is indistinguishable from user space.
    std::this_thread::sleep_for(std::chrono::microseconds(usecs));
}

// A task that locks a mutex it already holds sleeps forever on Linux, and the
// hung-task detector reports it after 120 s. ksim reports it at once and
// lets the task go on, since nothing else could ever unlock the mutex.
KSIM_EXPORT void __ksim_mutex_deadlock(void*)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    const ksim::Task& task = kernel.task();
    kernel.log().log(
        3, "INFO: task " + task.comm + ":" + std::to_string(task.pid) + " blocked for more than 120 seconds.");
    kernel.log().log(3,
        "ksim: " + kernel.symbolize(reinterpret_cast<uintptr_t>(__builtin_return_address(0)), true)
            + " locks a mutex its task already holds: a real kernel would hang here for good");
}
