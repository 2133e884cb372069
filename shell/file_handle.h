// What a shell process's open() returns: a file descriptor, used through the system-call door.
#pragma once

#include <string>
#include <string_view>

#include "core/error_or.h"

namespace ksim::shell {

// An open file description's one descriptor in the shell: /proc, /sys and
// /dev files are the kernel's, all others the host's, and the door tells
// them apart. Closing the last copy closes the descriptor (a driver's
// release() runs then).
class FileHandle {
public:
    explicit FileHandle(int fd)
        : m_fd(fd)
    {
    }
    ~FileHandle();
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;

    int fd() const { return m_fd; }
    // read(2): "" at end of file.
    ErrorOr<std::string> read(size_t count);
    // write(2): how many bytes were taken.
    ErrorOr<size_t> write(std::string_view data);
    ErrorOr<long long> seek(long long offset, int whence);
    ErrorOr<long> ioctl(unsigned command, unsigned long arg);
    // poll(2) without waiting: the EPOLL* bits the file is ready for.
    ErrorOr<unsigned> poll();

private:
    int m_fd;
};

// Writes all of `data`, as write loops in libc do; an error ends it.
ErrorOr<void> write_all(FileHandle& file, std::string_view data);

} // namespace ksim::shell
