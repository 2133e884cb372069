// What a shell process's open() returns: a kernel file (/proc, /sys, /dev) or a host file.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/kernel.h"
#include "fs/vfs.h"

namespace ksim::shell {

class FileHandle {
public:
    virtual ~FileHandle() = default;
    // read(2): "" at end of file.
    virtual ErrorOr<std::string> read(size_t count) = 0;
    // write(2): how many bytes were taken.
    virtual ErrorOr<size_t> write(std::string_view data) = 0;
    virtual ErrorOr<long long> seek(long long offset, int whence) = 0;
    virtual ErrorOr<long> ioctl(unsigned command, unsigned long arg) = 0;
    virtual ErrorOr<unsigned> poll() { return default_poll_mask; }
};

// A kernel file; the last reference closing releases it.
class KernelFileHandle : public FileHandle {
public:
    explicit KernelFileHandle(std::unique_ptr<OpenFile> file)
        : m_file(std::move(file))
    {
    }
    ~KernelFileHandle() override { m_file->release(); }
    ErrorOr<std::string> read(size_t count) override;
    ErrorOr<size_t> write(std::string_view data) override;
    ErrorOr<long long> seek(long long offset, int whence) override { return m_file->llseek(offset, whence); }
    ErrorOr<long> ioctl(unsigned command, unsigned long arg) override { return m_file->ioctl(command, arg); }
    ErrorOr<unsigned> poll() override { return m_file->poll(); }

private:
    std::unique_ptr<OpenFile> m_file;
};

// A host file, through a POSIX descriptor.
class HostFileHandle : public FileHandle {
public:
    explicit HostFileHandle(int fd)
        : m_fd(fd)
    {
    }
    ~HostFileHandle() override;
    ErrorOr<std::string> read(size_t count) override;
    ErrorOr<size_t> write(std::string_view data) override;
    ErrorOr<long long> seek(long long offset, int whence) override;
    ErrorOr<long> ioctl(unsigned, unsigned long) override { return Errno {ENOTTY}; }

private:
    int m_fd;
};

// Writes all of `data`, as write loops in libc do; an error ends it.
ErrorOr<void> write_all(FileHandle& file, std::string_view data);

} // namespace ksim::shell
