// The private file dlopen maps a module from (see module_image_file.h).
#include "loader/module_image_file.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace ksim {

ModuleImageFile::ModuleImageFile(std::filesystem::path folder, std::string path)
    : m_folder(std::move(folder))
    , m_path(std::move(path))
{
}

ModuleImageFile::~ModuleImageFile()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

ErrorOr<std::unique_ptr<ModuleImageFile>> ModuleImageFile::create(
    std::span<const std::byte> image, const std::string& name)
{
    std::error_code error;
    std::filesystem::path base = std::filesystem::temp_directory_path(error);
    if (error)
        base = "/tmp";
    std::unique_ptr<ModuleImageFile> file;
    // glibc matches dlopen's argument against loaded objects' names before it
    // opens anything: a name a still-mapped module had would return that module.
    while (!file) {
        std::string folder = std::filesystem::absolute(base / "ksim-module-XXXXXX").string();
        if (!mkdtemp(folder.data())) // mode 0700
            return Errno {errno};
        file.reset(new ModuleImageFile(folder, folder + "/" + name + ".ko"));
        if (void* stale = dlopen(file->m_path.c_str(), RTLD_LAZY | RTLD_NOLOAD)) {
            dlclose(stale);
            file.reset();
        }
    }
    int fd = open(file->m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Errno {errno};
    size_t done = 0;
    while (done < image.size()) {
        ssize_t n = write(fd, image.data() + done, image.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int saved = n < 0 ? errno : EIO;
            close(fd);
            return Errno {saved};
        }
        done += static_cast<size_t>(n);
    }
    if (close(fd) != 0)
        return Errno {errno};
    return file;
}

} // namespace ksim
