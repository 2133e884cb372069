// Opening a module object with libelf (see elf_file.h).
#include "elf_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ksim::modpost {

ElfFile::Descriptor::~Descriptor()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::variant<ElfFile, std::string> ElfFile::open(const std::string& path, Elf_Cmd mode)
{
    int fd = ::open(path.c_str(), (mode == ELF_C_READ ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return path + ": " + std::strerror(errno);
    Descriptor descriptor(fd);
    elf_version(EV_CURRENT);
    Elf* elf = elf_begin(fd, mode, nullptr);
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        if (elf)
            elf_end(elf);
        return path + " is not an ELF object";
    }
    return ElfFile(std::move(descriptor), elf);
}

} // namespace ksim::modpost
