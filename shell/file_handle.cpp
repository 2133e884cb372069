// Shell-side open files (see file_handle.h).
#include "shell/file_handle.h"

#include <cerrno>
#include <unistd.h>

#include "shell/interrupt.h"

namespace ksim::shell {

ErrorOr<std::string> KernelFileHandle::read(size_t count)
{
    if (interrupt_requested())
        return Errno {interrupted_error};
    return m_file->read(count);
}

ErrorOr<size_t> KernelFileHandle::write(std::string_view data)
{
    if (interrupt_requested())
        return Errno {interrupted_error};
    return m_file->write(data);
}

HostFileHandle::~HostFileHandle()
{
    ::close(m_fd);
}

ErrorOr<std::string> HostFileHandle::read(size_t count)
{
    if (interrupt_requested())
        return Errno {interrupted_error};
    std::string buffer(count, '\0');
    ssize_t got = ::read(m_fd, buffer.data(), count);
    if (got < 0)
        return Errno {errno};
    buffer.resize(static_cast<size_t>(got));
    return buffer;
}

ErrorOr<size_t> HostFileHandle::write(std::string_view data)
{
    ssize_t put = ::write(m_fd, data.data(), data.size());
    if (put < 0)
        return Errno {errno};
    return static_cast<size_t>(put);
}

ErrorOr<long long> HostFileHandle::seek(long long offset, int whence)
{
    off_t at = ::lseek(m_fd, offset, whence);
    if (at < 0)
        return Errno {errno};
    return static_cast<long long>(at);
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
