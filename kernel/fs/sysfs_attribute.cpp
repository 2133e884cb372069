// sysfs attribute files (see sysfs_attribute.h).
#include "fs/sysfs_attribute.h"

#include <algorithm>
#include <cerrno>
#include <string>

#include "core/kernel.h"

namespace ksim {

namespace {
constexpr size_t page_size = 4096;
}

std::shared_ptr<TextFile> make_attribute_file(
    Kernel& kernel, unsigned mode, AttributeMethods methods, std::shared_ptr<const bool> stale)
{
    auto shared = std::make_shared<AttributeMethods>(std::move(methods));
    auto alive = [&kernel, stale, shared](const char* frame) {
        if (!*stale)
            return true;
        kernel.oops_on_freed_memory(
            reinterpret_cast<uintptr_t>(shared->attribute), false, {frame, "kernfs_fop_read_iter+0x8f/0x1c0"});
        return false;
    };
    auto reader = [shared, alive](const Task&) -> ErrorOr<std::string> {
        if (!alive("sysfs_kf_seq_show+0x9c/0x110"))
            return Errno {task_killed};
        if (!shared->show)
            return Errno {EIO};
        std::string page(page_size, '\0');
        auto called = shared->show(page.data(),
            {shared->show_frame, "sysfs_kf_seq_show+0x9c/0x110", "seq_read_iter+0x11f/0x450", "vfs_read+0x1f0/0x2a0",
                "ksys_read+0x67/0xf0"});
        if (called.is_error())
            return Errno {called.error()};
        long result = called.value();
        if (result < 0)
            return Errno {static_cast<int>(-result)};
        page.resize(std::min(static_cast<size_t>(result), page_size - 1));
        return page;
    };
    auto writer = [shared, alive](const Task&, std::string_view data) -> ErrorOr<void> {
        if (!alive("sysfs_kf_write+0x3a/0x50"))
            return Errno {task_killed};
        std::string buffer(data.substr(0, page_size - 1));
        auto called = shared->store(buffer.c_str(), buffer.size(),
            {shared->store_frame, "sysfs_kf_write+0x3a/0x50", "kernfs_fop_write_iter+0x134/0x1d0",
                "vfs_write+0x236/0x3a0", "ksys_write+0x67/0xf0"});
        if (called.is_error())
            return Errno {called.error()};
        long result = called.value();
        if (result < 0)
            return Errno {static_cast<int>(-result)};
        return {};
    };
    bool writable = static_cast<bool>(shared->store);
    return std::make_shared<TextFile>(
        mode & 0777, reader, writable ? TextFile::Writer(writer) : TextFile::Writer {}, 4096);
}

} // namespace ksim
