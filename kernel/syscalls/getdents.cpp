// getdents64(2) (Linux's fs/readdir.c): a directory's entries as linux_dirent64 records.
#include <dirent.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

#include "fs/vfs.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

namespace {

unsigned char dirent_type(char type)
{
    return type == 'd' ? DT_DIR : type == 'c' ? DT_CHR : DT_REG;
}

} // namespace

long getdents64(int fd, void* buffer, std::size_t count)
{
    std::shared_ptr<OpenFile> file = kernel_file(fd);
    if (!file)
        return host_result(::syscall(SYS_getdents64, fd, buffer, count));
    auto entries = file->read_directory();
    if (entries.is_error())
        return -entries.error();
    auto position = file->llseek(0, SEEK_CUR);
    if (position.is_error())
        return -position.error();
    auto* out = static_cast<unsigned char*>(buffer);
    std::size_t used = 0;
    long long next = position.value();
    for (const DirectoryEntry& entry : entries.value()) {
        // struct linux_dirent64: d_ino, d_off, d_reclen, d_type, then the name and its NUL, 8-byte aligned.
        constexpr std::size_t header = 8 + 8 + 2 + 1;
        std::size_t length = (header + entry.name.size() + 1 + 7) & ~std::size_t {7};
        if (used + length > count) {
            if (used == 0)
                return -EINVAL; // the buffer cannot hold even one entry
            break;
        }
        ++next;
        std::uint64_t inode = static_cast<std::uint64_t>(next);
        std::int64_t offset = next;
        auto reclen = static_cast<std::uint16_t>(length);
        unsigned char* record = out + used;
        std::memset(record, 0, length);
        std::memcpy(record, &inode, 8);
        std::memcpy(record + 8, &offset, 8);
        std::memcpy(record + 16, &reclen, 2);
        record[18] = dirent_type(entry.type);
        std::memcpy(record + header, entry.name.data(), entry.name.size());
        used += length;
    }
    if (auto moved = file->llseek(next, SEEK_SET); moved.is_error())
        return -moved.error();
    return static_cast<long>(used);
}

} // namespace ksim::sys
