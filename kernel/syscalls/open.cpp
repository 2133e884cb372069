// open(2), close(2) and dup(2): a path to a descriptor, and back (Linux's fs/open.c and fs/file.c).
#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "fs/file_table.h"
#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

long open(const char* path, int flags, unsigned mode)
{
    if (!is_kernel_path(path))
        return host_result(::open(path, flags | O_CLOEXEC, mode));
    KernelTask& task = caller();
    auto file = Kernel::current().vfs().open(task.identity(), path, flags);
    if (file.is_error())
        return leave(-file.error());
    return result_of(task.files->install(share_open_file(file.release_value())));
}

long close(int fd)
{
    if (std::shared_ptr<OpenFile> file = caller().files->remove(fd)) {
        file.reset(); // the last close runs the driver's release() here, in the closing task
        return 0;
    }
    return host_result(::close(fd));
}

long dup(int fd)
{
    if (std::shared_ptr<OpenFile> file = kernel_file(fd))
        return result_of(caller().files->install(std::move(file)));
    return host_result(::fcntl(fd, F_DUPFD_CLOEXEC, 0));
}

} // namespace ksim::sys
