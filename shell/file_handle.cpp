// Shell-side open files (see file_handle.h).
#include "shell/file_handle.h"

#include <poll.h>

#include "syscalls/syscalls.h"
#include "shell/interrupt.h"

namespace ksim::shell {

namespace {

// The door's -errno as an ErrorOr.
template <typename T> ErrorOr<T> checked(long result)
{
    if (result < 0)
        return Errno {static_cast<int>(-result)};
    return static_cast<T>(result);
}

} // namespace

FileHandle::~FileHandle()
{
    sys::close(m_fd);
}

ErrorOr<std::string> FileHandle::read(size_t count)
{
    // A signal that came while the process ran in user space ends it before its next call.
    if (int death = pending_death())
        return Errno {death};
    std::string buffer(count, '\0');
    auto got = checked<size_t>(sys::read(m_fd, buffer.data(), count));
    if (got.is_error())
        return Errno {got.error()};
    buffer.resize(got.value());
    return buffer;
}

ErrorOr<size_t> FileHandle::write(std::string_view data)
{
    if (int death = pending_death())
        return Errno {death};
    return checked<size_t>(sys::write(m_fd, data.data(), data.size()));
}

ErrorOr<long long> FileHandle::seek(long long offset, int whence)
{
    return checked<long long>(sys::lseek(m_fd, offset, whence));
}

ErrorOr<long> FileHandle::ioctl(unsigned command, unsigned long arg)
{
    return checked<long>(sys::ioctl(m_fd, command, arg));
}

ErrorOr<unsigned> FileHandle::poll()
{
    // Every event bit, so the answer is the whole of what the file reports.
    struct pollfd entry = {m_fd, POLLIN | POLLPRI | POLLOUT | POLLRDNORM | POLLRDBAND | POLLWRNORM | POLLWRBAND, 0};
    auto ready = checked<int>(sys::poll(&entry, 1, 0));
    if (ready.is_error())
        return Errno {ready.error()};
    return static_cast<unsigned short>(entry.revents);
}

ErrorOr<void> write_all(FileHandle& file, std::string_view data)
{
    // A driver whose write() keeps returning 0 would make a real writer
    // spin forever; ksim gives up after many such calls.
    int idle_rounds = 0;
    while (!data.empty()) {
        auto written = file.write(data);
        if (written.is_error())
            return Errno {written.error()};
        if (written.value() == 0) {
            if (++idle_rounds == 1000)
                return Errno {ENOSPC};
            continue;
        }
        idle_rounds = 0;
        data.remove_prefix(written.value());
    }
    return {};
}

} // namespace ksim::shell
