// An open ELF file for modpost's libelf readers and writers: closes the
// descriptor and ends the libelf handle whatever path leaves the scope.
#pragma once

#include <libelf.h>

#include <memory>
#include <string>
#include <utility>
#include <variant>

namespace ksim::modpost {

class ElfFile {
public:
    // Opens path for reading (ELF_C_READ) or in-place update (ELF_C_RDWR);
    // the error is the message modpost prints.
    static std::variant<ElfFile, std::string> open(const std::string& path, Elf_Cmd mode);

    Elf* get() const { return m_elf.get(); }
    int fd() const { return m_fd.get(); }

private:
    struct ElfEnd {
        void operator()(Elf* elf) const { elf_end(elf); }
    };
    class Descriptor {
    public:
        explicit Descriptor(int fd)
            : m_fd(fd)
        {
        }
        Descriptor(Descriptor&& other) noexcept
            : m_fd(std::exchange(other.m_fd, -1))
        {
        }
        Descriptor& operator=(Descriptor&&) = delete;
        ~Descriptor();
        int get() const { return m_fd; }

    private:
        int m_fd;
    };

    ElfFile(Descriptor fd, Elf* elf)
        : m_fd(std::move(fd))
        , m_elf(elf)
    {
    }

    // Declared first so the libelf handle ends before the descriptor closes.
    Descriptor m_fd;
    std::unique_ptr<Elf, ElfEnd> m_elf;
};

} // namespace ksim::modpost
