// stat(2) for the shell (see file_info.h).
#include "shell/file_info.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "shell/file_handle.h"
#include "syscalls/syscalls.h"
#include "shell/shell.h"

namespace ksim::shell {

ErrorOr<FileInfo> stat_path(Shell& shell, const std::string& path, bool follow)
{
    std::string full = shell.host_path(path);
    struct stat st;
    if (long error = follow ? sys::stat(full.c_str(), &st) : sys::lstat(full.c_str(), &st); error < 0)
        return Errno {static_cast<int>(-error)};
    FileInfo info;
    info.type = S_ISDIR(st.st_mode) ? 'd'
        : S_ISCHR(st.st_mode)       ? 'c'
        : S_ISBLK(st.st_mode)       ? 'b'
        : S_ISLNK(st.st_mode)       ? 'l'
        : S_ISFIFO(st.st_mode)      ? 'p'
        : S_ISSOCK(st.st_mode)      ? 's'
                                    : '-';
    info.mode = st.st_mode & 07777;
    info.uid = st.st_uid;
    info.links = st.st_nlink;
    // Inside ksim the learner owns what ksim's user owns on the host; the sysroot is root's.
    if (!sys::is_kernel_path(full))
        info.uid = shell.is_system_file(full) ? 0 : st.st_uid == ::getuid() ? learner_uid : st.st_uid;
    info.rdev = major(st.st_rdev) << 20 | minor(st.st_rdev);
    info.size = st.st_size;
    info.blocks = st.st_blocks / 2;
    info.mtime = st.st_mtime;
    return info;
}

ErrorOr<std::vector<std::string>> list_directory(Shell& shell, const std::string& path)
{
    std::string full = shell.host_path(path);
    long fd = sys::open(full.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return Errno {static_cast<int>(-fd)};
    FileHandle directory(static_cast<int>(fd));
    std::vector<std::string> names;
    alignas(8) char buffer[8192];
    for (;;) {
        long got = sys::getdents64(directory.fd(), buffer, sizeof buffer);
        if (got < 0)
            return Errno {static_cast<int>(-got)};
        if (got == 0)
            break;
        // struct linux_dirent64: the record length at offset 16, the name at 19.
        for (long at = 0; at < got;) {
            unsigned short length;
            std::memcpy(&length, buffer + at + 16, sizeof length);
            std::string name(buffer + at + 19);
            if (!name.starts_with('.'))
                names.push_back(std::move(name));
            at += length;
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string mode_string(const FileInfo& info)
{
    std::string text(1, info.type);
    const char* letters = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit)
        text += (info.mode & (0400U >> bit)) ? letters[bit] : '-';
    return text;
}

std::string owner_name(unsigned uid)
{
    return uid == 0 ? "root" : uid == learner_uid ? "learner" : std::to_string(uid);
}

} // namespace ksim::shell
