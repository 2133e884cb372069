// stat(2) for the shell (see file_info.h).
#include "shell/file_info.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "fs/vfs.h"
#include "shell/shell.h"

namespace ksim::shell {

ErrorOr<FileInfo> stat_path(Shell& shell, const std::string& path, bool follow)
{
    std::string full = shell.host_path(path);
    if (VirtualFs::is_kernel_path(full)) {
        const Task& task = shell.kernel().task();
        auto node = shell.kernel().vfs().resolve(full, &task);
        if (node.is_error())
            return Errno {node.error()};
        NodeInfo n = node.value()->info();
        return FileInfo {n.type, n.mode, n.uid, n.rdev, n.size, 0, std::time(nullptr)};
    }
    struct stat st;
    if ((follow ? ::stat(full.c_str(), &st) : ::lstat(full.c_str(), &st)) != 0)
        return Errno {errno};
    FileInfo info;
    info.type = S_ISDIR(st.st_mode) ? 'd'
        : S_ISCHR(st.st_mode)       ? 'c'
        : S_ISBLK(st.st_mode)       ? 'b'
        : S_ISLNK(st.st_mode)       ? 'l'
        : S_ISFIFO(st.st_mode)      ? 'p'
        : S_ISSOCK(st.st_mode)      ? 's'
                                    : '-';
    info.mode = st.st_mode & 07777;
    // Inside ksim the learner owns what ksim's user owns; the sysroot is root's.
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
    std::vector<std::string> names;
    if (VirtualFs::is_kernel_path(full)) {
        const Task& task = shell.kernel().task();
        auto node = shell.kernel().vfs().resolve(full, &task);
        if (node.is_error())
            return Errno {node.error()};
        if (!node.value()->is_directory())
            return Errno {ENOTDIR};
        if (!task.is_root() && !(node.value()->info().mode & 04))
            return Errno {EACCES};
        names = node.value()->list();
    } else {
        std::error_code ec;
        std::filesystem::directory_iterator it(full, ec);
        if (ec)
            return Errno {ec.value()};
        for (const auto& entry : it)
            if (!entry.path().filename().string().starts_with('.'))
                names.push_back(entry.path().filename().string());
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
