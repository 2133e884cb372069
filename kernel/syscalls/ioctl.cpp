// ioctl(2) (Linux's fs/ioctl.c): the argument goes to the driver as the caller passed it.
#include <sys/ioctl.h>

#include "fs/vfs.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

long ioctl(int fd, unsigned command, unsigned long argument)
{
    std::shared_ptr<OpenFile> file = kernel_file(fd);
    if (!file)
        return host_result(::ioctl(fd, command, argument));
    return leave(result_of(file->ioctl(command, argument)));
}

} // namespace ksim::sys
