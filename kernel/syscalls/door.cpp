// What every system call does on its way in and out (see door.h).
#include "syscalls/door.h"

#include <cerrno>

#include "core/task.h"
#include "fs/file_table.h"
#include "sched/kernel_task.h"
#include "sched/scheduler.h"

namespace ksim::sys {

KernelTask& caller()
{
    KernelTask* task = Scheduler::current();
    return task ? *task : Kernel::current().boot_task();
}

std::shared_ptr<OpenFile> kernel_file(int fd)
{
    return caller().files->get(fd);
}

long leave(long result)
{
    if (result == -EINTR)
        if (int signal = Scheduler::pending_fatal_signal(caller()))
            return -died_of_signal(signal);
    return result;
}

long host_result(long result)
{
    return result < 0 ? -errno : result;
}

} // namespace ksim::sys
