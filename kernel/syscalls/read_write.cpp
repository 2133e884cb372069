// read(2), write(2) and lseek(2) (Linux's fs/read_write.c).
#include <unistd.h>

#include <cstring>
#include <string_view>

#include "fs/vfs.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

long read(int fd, void* buffer, std::size_t count)
{
    std::shared_ptr<OpenFile> file = kernel_file(fd);
    if (!file)
        return host_result(::read(fd, buffer, count));
    if (!file->readable())
        return -EBADF;
    auto got = file->read(count);
    if (got.is_error())
        return leave(-got.error());
    std::memcpy(buffer, got.value().data(), got.value().size());
    return static_cast<long>(got.value().size());
}

long write(int fd, const void* buffer, std::size_t count)
{
    std::shared_ptr<OpenFile> file = kernel_file(fd);
    if (!file)
        return host_result(::write(fd, buffer, count));
    if (!file->writable())
        return -EBADF;
    return leave(result_of(file->write(std::string_view(static_cast<const char*>(buffer), count))));
}

long lseek(int fd, long long offset, int whence)
{
    std::shared_ptr<OpenFile> file = kernel_file(fd);
    if (!file)
        return host_result(::lseek(fd, offset, whence));
    return leave(result_of(file->llseek(offset, whence)));
}

} // namespace ksim::sys
