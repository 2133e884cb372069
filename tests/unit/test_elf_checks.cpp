// Malformed module files: Linux's section checks and the dynamic linker's, with their messages, and weak
// references the kernel does not export bound to 0 before dlopen.
#include <doctest/doctest.h>

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <variant>

#include "bundled_modules.h"
#include "loader/elf_dynamic.h"
#include "loader/elf_image.h"
#include "loader/weak_symbols.h"

using namespace ksim;
using namespace ksim::test;

namespace {

template <typename T> T get(const std::string& image, uint64_t offset)
{
    T value;
    std::memcpy(&value, image.data() + offset, sizeof value);
    return value;
}

template <typename T> void set(std::string& image, uint64_t offset, T value)
{
    std::memcpy(image.data() + offset, &value, sizeof value);
}

Elf64_Ehdr header(const std::string& image)
{
    return get<Elf64_Ehdr>(image, 0);
}

uint64_t section_header_offset(const std::string& image, unsigned index)
{
    return header(image).e_shoff + index * sizeof(Elf64_Shdr);
}

// What the loader says of an image: read_elf_image's message, else the dynamic check's, else "".
std::string refusal(const std::string& image)
{
    auto bytes = std::as_bytes(std::span(image.data(), image.size()));
    auto parsed = read_elf_image(bytes);
    if (auto* error = std::get_if<ElfError>(&parsed))
        return error->message;
    auto layout = check_dynamic_linking(bytes, std::get<ElfImage>(parsed).dynsym, "hello");
    auto* message = std::get_if<std::string>(&layout);
    return message ? *message : "";
}

// The file offset of the first dynamic entry with this tag.
uint64_t dynamic_entry(const std::string& image, int64_t tag)
{
    Elf64_Ehdr h = header(image);
    for (unsigned i = 0; i < h.e_phnum; ++i) {
        auto ph = get<Elf64_Phdr>(image, h.e_phoff + i * sizeof(Elf64_Phdr));
        if (ph.p_type != PT_DYNAMIC)
            continue;
        for (uint64_t at = ph.p_offset; at < ph.p_offset + ph.p_filesz; at += sizeof(Elf64_Dyn))
            if (get<Elf64_Dyn>(image, at).d_tag == tag)
                return at;
    }
    FAIL("no dynamic entry with tag " << tag);
    return 0;
}

// The file offset of a virtual address, through the PT_LOAD that maps it.
uint64_t file_offset(const std::string& image, uint64_t vaddr)
{
    Elf64_Ehdr h = header(image);
    for (unsigned i = 0; i < h.e_phnum; ++i) {
        auto ph = get<Elf64_Phdr>(image, h.e_phoff + i * sizeof(Elf64_Phdr));
        if (ph.p_type == PT_LOAD && vaddr >= ph.p_vaddr && vaddr < ph.p_vaddr + ph.p_filesz)
            return ph.p_offset + vaddr - ph.p_vaddr;
    }
    FAIL("no PT_LOAD maps " << vaddr);
    return 0;
}

} // namespace

TEST_CASE("a good module passes every check")
{
    CHECK(refusal(read_file(module_path("hello"))) == "");
    CHECK(refusal(read_file(module_path("hello_cpp"))) == "");
}

TEST_CASE("elf_validity_check: the section name table and section 0, in Linux's words")
{
    const std::string good = read_file(module_path("hello"));
    uint64_t strings = section_header_offset(good, header(good).e_shstrndx);
    auto strings_header = get<Elf64_Shdr>(good, strings);

    std::string image = good;
    set<uint64_t>(image, strings + offsetof(Elf64_Shdr, sh_size), 0);
    CHECK(refusal(image) == "empty section name table");

    image = good;
    image[strings_header.sh_offset + strings_header.sh_size - 1] = 'x';
    CHECK(refusal(image) == "ELF Spec violation: section name table isn't null terminated");

    image = good;
    set<uint32_t>(image, section_header_offset(image, 0) + offsetof(Elf64_Shdr, sh_type), SHT_PROGBITS);
    CHECK(refusal(image) == "ELF Spec violation: section 0 type(1)!=SH_NULL or non-zero len or addr");

    image = good;
    set<uint64_t>(image, strings + offsetof(Elf64_Shdr, sh_offset), image.size());
    CHECK(refusal(image) == "Invalid ELF section hdr(type 3)");
}

TEST_CASE("what glibc would trust is checked before dlopen")
{
    const std::string good = read_file(module_path("hello"));

    // A library to load from the host: DT_NEEDED replaces -Bsymbolic's DT_SYMBOLIC.
    std::string image = good;
    set(image, dynamic_entry(image, DT_SYMBOLIC), Elf64_Dyn {DT_NEEDED, {1}});
    CHECK(refusal(image) == "Invalid ELF dynamic entry (tag 1)");

    // An empty GNU hash table would divide by zero in every later symbol lookup.
    image = good;
    uint64_t gnu_hash_offset = file_offset(image, get<Elf64_Dyn>(image, dynamic_entry(image, DT_GNU_HASH)).d_un.d_ptr);
    set<uint32_t>(image, gnu_hash_offset, 0);
    CHECK(refusal(image) == "Invalid ELF dynamic entry (tag " + std::to_string(DT_GNU_HASH) + ")");

    // A relocation glibc would run module code for (an IFUNC resolver), in Linux's words.
    image = good;
    uint64_t rela = file_offset(image, get<Elf64_Dyn>(image, dynamic_entry(image, DT_RELA)).d_un.d_ptr);
    auto r = get<Elf64_Rela>(image, rela);
    r.r_info = ELF64_R_INFO(ELF64_R_SYM(r.r_info), R_X86_64_IRELATIVE);
    set(image, rela, r);
    CHECK(refusal(image) == "hello: Unknown rela relocation: 37");

    // A segment that runs past the end of the file (glibc would fault on it).
    image = good;
    Elf64_Ehdr h = header(image);
    auto first = get<Elf64_Phdr>(image, h.e_phoff);
    first.p_filesz = image.size() + 4096;
    first.p_memsz = first.p_filesz;
    set(image, h.e_phoff, first);
    CHECK(refusal(image).starts_with("Invalid ELF program header (segment 0 type 1)"));
}

TEST_CASE("weak references nothing exports become local absolute zeros; others are left to the linker")
{
    std::string image = read_file(module_path("weak_refs"));
    auto bytes = std::as_bytes(std::span(image.data(), image.size()));
    auto elf = std::get<ElfImage>(read_elf_image(bytes));
    auto weak_names = [](const ElfImage& e) {
        std::vector<std::string> names;
        for (const NeededSymbol& n : e.needed)
            if (n.weak)
                names.push_back(n.name);
        std::sort(names.begin(), names.end());
        return names;
    };
    CHECK(weak_names(elf) == std::vector<std::string> {"_exit", "_printk", "abort", "system", "write"});
    auto layout = std::get<DynamicLayout>(check_dynamic_linking(bytes, elf.dynsym, "weak_refs"));
    std::span<std::byte> writable(reinterpret_cast<std::byte*>(image.data()), image.size());
    bind_weak_symbols_to_zero(writable, layout, {"_exit", "abort", "system", "write"});
    auto rewritten = std::get<ElfImage>(read_elf_image(bytes));
    CHECK(weak_names(rewritten) == std::vector<std::string> {"_printk"});
    // The rewritten image still passes the checks dlopen relies on.
    CHECK(std::holds_alternative<DynamicLayout>(check_dynamic_linking(bytes, rewritten.dynsym, "weak_refs")));
}
