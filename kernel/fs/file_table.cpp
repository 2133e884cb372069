// A process's kernel file descriptors (see file_table.h).
#include "fs/file_table.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "fs/vfs.h"

namespace ksim {

FileTable::~FileTable()
{
    for (const auto& [fd, file] : m_files)
        ::close(fd);
}

ErrorOr<int> FileTable::install(std::shared_ptr<OpenFile> file)
{
    int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Errno {errno};
    std::lock_guard guard(m_lock);
    m_files[fd] = std::move(file);
    return fd;
}

std::shared_ptr<OpenFile> FileTable::get(int fd) const
{
    std::lock_guard guard(m_lock);
    auto it = m_files.find(fd);
    return it == m_files.end() ? nullptr : it->second;
}

std::shared_ptr<OpenFile> FileTable::remove(int fd)
{
    std::shared_ptr<OpenFile> file;
    {
        std::lock_guard guard(m_lock);
        auto it = m_files.find(fd);
        if (it == m_files.end())
            return nullptr;
        file = std::move(it->second);
        m_files.erase(it);
    }
    ::close(fd); // the number is free again once the kernel's side is gone
    return file;
}

std::shared_ptr<OpenFile> share_open_file(std::unique_ptr<OpenFile> file)
{
    return std::shared_ptr<OpenFile>(file.release(), [](OpenFile* last) {
        last->release();
        delete last;
    });
}

} // namespace ksim
