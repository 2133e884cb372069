// finit_module(2) and delete_module(2) (Linux's kernel/module/main.c): the bytes read from the
// descriptor are the bytes checked and mapped.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <span>
#include <string>
#include <vector>

#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

namespace {

constexpr int module_init_compressed_file = 4; // MODULE_INIT_COMPRESSED_FILE

// kernel_read_file_from_fd(): the whole of a regular file, at most INT_MAX bytes.
ErrorOr<std::string> read_module_file(int fd)
{
    if (std::shared_ptr<OpenFile> file = kernel_file(fd))
        return Errno {file->readable() ? EINVAL : EBADF}; // /proc, /sys and /dev hold no regular files
    int access = ::fcntl(fd, F_GETFL);
    if (access < 0)
        return Errno {EBADF};
    if ((access & O_ACCMODE) == O_WRONLY)
        return Errno {EBADF};
    struct ::stat st;
    if (::fstat(fd, &st) != 0)
        return Errno {errno};
    if (!S_ISREG(st.st_mode))
        return Errno {EINVAL};
    if (st.st_size > INT_MAX)
        return Errno {EFBIG};
    std::string bytes(static_cast<size_t>(st.st_size), '\0');
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t got = ::pread(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
        if (got < 0)
            return Errno {errno};
        if (got == 0)
            break; // the file shrank while it was read
        done += static_cast<size_t>(got);
    }
    bytes.resize(done);
    return bytes;
}

// The file's name for the loader's records, as /proc/self/fd shows it.
std::string path_of(int fd)
{
    char target[PATH_MAX];
    ssize_t length = ::readlink(("/proc/self/fd/" + std::to_string(fd)).c_str(), target, sizeof target - 1);
    return length > 0 ? std::string(target, static_cast<size_t>(length)) : std::string();
}

} // namespace

long finit_module(int fd, const char* params, int flags)
{
    Kernel& kernel = Kernel::current();
    if (!caller().identity().is_root())
        return -EPERM; // may_init_module(): CAP_SYS_MODULE
    if (flags & ~(module_init_ignore_modversions | module_init_ignore_vermagic | module_init_compressed_file))
        return -EINVAL;
    if (flags & module_init_compressed_file)
        return -EOPNOTSUPP; // CONFIG_MODULE_DECOMPRESS is off, as in Debian's kernel
    auto image = read_module_file(fd);
    if (image.is_error())
        return -image.error();
    const std::string& bytes = image.value();
    return result_of(kernel.init_module(std::as_bytes(std::span(bytes.data(), bytes.size())), path_of(fd),
        params ? params : "", static_cast<unsigned>(flags)));
}

long delete_module(const char* name, unsigned flags)
{
    return result_of(Kernel::current().delete_module(name, flags));
}

} // namespace ksim::sys
