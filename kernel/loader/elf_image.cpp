// Reads a module file without running it (see elf_image.h).
#include "loader/elf_image.h"

#include <ksim/abi.h>

#include <gelf.h>
#include <libelf.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <variant>

namespace ksim {

namespace {

struct ElfCloser {
    void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfHandle = std::unique_ptr<Elf, ElfCloser>;

ElfError invalid(std::string message)
{
    return ElfError {ENOEXEC, std::move(message)};
}

// validate_section_offset(): the section's bytes lie inside the file.
bool section_in_file(std::span<const std::byte> bytes, const Elf64_Shdr& section)
{
    return section.sh_offset <= bytes.size() && section.sh_size <= bytes.size() - section.sh_offset;
}

Elf64_Shdr section_header(std::span<const std::byte> bytes, const Elf64_Ehdr& header, size_t index)
{
    Elf64_Shdr section;
    std::memcpy(&section, bytes.data() + header.e_shoff + index * sizeof section, sizeof section);
    return section;
}

// The rest of elf_validity_check(): the section name table, section 0, and
// each section's bytes and name, with Linux's messages.
std::optional<ElfError> check_sections(std::span<const std::byte> bytes, const Elf64_Ehdr& header)
{
    Elf64_Shdr strings = section_header(bytes, header, header.e_shstrndx);
    if (!section_in_file(bytes, strings))
        return invalid("Invalid ELF section hdr(type " + std::to_string(strings.sh_type) + ")");
    if (strings.sh_size == 0)
        return invalid("empty section name table");
    if (bytes[strings.sh_offset + strings.sh_size - 1] != std::byte {0})
        return invalid("ELF Spec violation: section name table isn't null terminated");
    Elf64_Shdr first = section_header(bytes, header, 0);
    if (first.sh_type != SHT_NULL || first.sh_size != 0 || first.sh_addr != 0)
        return invalid("ELF Spec violation: section 0 type(" + std::to_string(static_cast<int>(first.sh_type))
            + ")!=SH_NULL or non-zero len or addr");
    for (size_t i = 1; i < header.e_shnum; ++i) {
        Elf64_Shdr section = section_header(bytes, header, i);
        std::string where = "(section " + std::to_string(i) + " type " + std::to_string(section.sh_type) + ")";
        if (section.sh_type == SHT_NULL || section.sh_type == SHT_NOBITS)
            continue;
        if (section.sh_type == SHT_SYMTAB && (section.sh_link == SHN_UNDEF || section.sh_link >= header.e_shnum))
            return invalid("Invalid ELF sh_link!=SHN_UNDEF(" + std::to_string(section.sh_link) + ") or (sh_link("
                + std::to_string(section.sh_link) + ") >= hdr->e_shnum(" + std::to_string(header.e_shnum) + ")");
        if (!section_in_file(bytes, section))
            return invalid("Invalid ELF section in module " + where);
        if ((section.sh_flags & SHF_ALLOC) && section.sh_name >= strings.sh_size)
            return invalid("Invalid ELF section name in module " + where);
    }
    return std::nullopt;
}

// The header checks, on raw bytes, so their order and texts are Linux's.
std::optional<ElfError> check_header(std::span<const std::byte> bytes)
{
    if (bytes.size() < sizeof(Elf64_Ehdr))
        return invalid("Invalid ELF header len " + std::to_string(bytes.size()));
    Elf64_Ehdr header;
    std::memcpy(&header, bytes.data(), sizeof header);
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
        return invalid("Invalid ELF header magic: != \\177ELF");
    // Linux names the ET_REL it wants; ksim's modules are ET_DYN, so only a
    // relocatable object (a module built for Linux) is told ksim's type.
    if (header.e_type != ET_DYN)
        return invalid("Invalid ELF header type: " + std::to_string(header.e_type)
            + " != " + std::to_string(header.e_type == ET_REL ? ET_DYN : ET_REL));
    if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB
        || header.e_machine != EM_X86_64)
        return invalid("Invalid architecture in ELF header: " + std::to_string(header.e_machine));
    if (header.e_shentsize != sizeof(Elf64_Shdr))
        return invalid("Invalid ELF section header size");
    if (header.e_shoff >= bytes.size() || header.e_shnum * sizeof(Elf64_Shdr) > bytes.size() - header.e_shoff)
        return invalid("Invalid ELF section header overflow");
    if (header.e_shstrndx == SHN_UNDEF || header.e_shstrndx >= header.e_shnum)
        return invalid("Invalid ELF section name index: " + std::to_string(header.e_shstrndx) + " || e_shstrndx ("
            + std::to_string(header.e_shstrndx) + ") >= e_shnum (" + std::to_string(header.e_shnum) + ")");
    return check_sections(bytes, header);
}

char kallsyms_type(const GElf_Sym& sym, const GElf_Shdr* section)
{
    if (GELF_ST_BIND(sym.st_info) == STB_WEAK)
        return GELF_ST_TYPE(sym.st_info) == STT_OBJECT ? 'v' : 'w';
    if (sym.st_shndx == SHN_ABS)
        return 'a';
    if (!section)
        return '?';
    if (section->sh_flags & SHF_EXECINSTR)
        return 't';
    if (section->sh_type == SHT_NOBITS)
        return 'b';
    if (section->sh_flags & SHF_WRITE)
        return 'd';
    return 'r';
}

// A symbol as Linux's module kallsyms keeps it (add_kallsyms(), is_core_symbol()).
void add_kallsyms_entries(
    ElfImage& image, const char* name, const GElf_Sym& sym, const GElf_Shdr* section, const std::string& section_name)
{
    // Linux does not load .modinfo and __versions (it clears their SHF_ALLOC),
    // so their symbols are not kept; ksim's own ABI objects live there too.
    if (section_name == ".modinfo" || section_name == "__versions")
        return;
    // ksim keeps the exports' CRCs in one table, where Linux's __kcrctab has
    // a __crc_NAME per export: list those, each at its entry's CRC.
    if (section_name == "__ksim_kcrctab") {
        for (size_t i = 0; i < image.export_crcs.size(); ++i)
            image.symbols.push_back({"__crc_" + image.export_crcs[i].name, sym.st_value + i * sizeof(modversion_info),
                sizeof(uint32_t), 'r', false, false});
        return;
    }
    char type = kallsyms_type(sym, section);
    // Linux's __ksymtab sections are read-only; ksim's are relocated by the
    // dynamic loader, so they are writable.
    if (section_name.starts_with("__ksymtab") && type == 'd')
        type = 'r';
    image.symbols.push_back({name, sym.st_value, sym.st_size, type, GELF_ST_BIND(sym.st_info) != STB_LOCAL,
        section_name.starts_with(".init.")});
}

void read_symbols(Elf* elf, Elf_Scn* table, GElf_Shdr& table_header, ElfImage& image, bool dynamic)
{
    Elf_Data* data = elf_getdata(table, nullptr);
    if (!data || table_header.sh_entsize == 0)
        return;
    size_t count = table_header.sh_size / table_header.sh_entsize;
    for (size_t i = 1; i < count; ++i) {
        GElf_Sym sym;
        if (!gelf_getsym(data, static_cast<int>(i), &sym))
            continue;
        const char* name = elf_strptr(elf, table_header.sh_link, sym.st_name);
        if (!name || !*name)
            continue;
        int type = GELF_ST_TYPE(sym.st_info);
        if (sym.st_shndx == SHN_UNDEF) {
            if (dynamic)
                image.needed.push_back({name, GELF_ST_BIND(sym.st_info) == STB_WEAK});
            continue;
        }
        if (dynamic && std::strcmp(name, "__this_module") == 0)
            image.has_module_descriptor = true;
        if (type == STT_SECTION || type == STT_FILE)
            continue;
        GElf_Shdr section_header;
        const GElf_Shdr* section = nullptr;
        std::string section_name;
        if (sym.st_shndx < SHN_LORESERVE) {
            if (Elf_Scn* scn = elf_getscn(elf, sym.st_shndx); scn && gelf_getshdr(scn, &section_header)) {
                section = &section_header;
                size_t shstrndx = 0;
                elf_getshdrstrndx(elf, &shstrndx);
                if (const char* s = elf_strptr(elf, shstrndx, section_header.sh_name))
                    section_name = s;
            }
        }
        if (!dynamic)
            add_kallsyms_entries(image, name, sym, section, section_name);
    }
}

} // namespace

std::variant<ElfImage, ElfError> read_elf_image(std::span<const std::byte> bytes)
{
    if (auto error = check_header(bytes))
        return *error;

    elf_version(EV_CURRENT);
    ElfHandle elf(elf_memory(const_cast<char*>(reinterpret_cast<const char*>(bytes.data())), bytes.size()));
    size_t shstrndx = 0;
    if (!elf || elf_getshdrstrndx(elf.get(), &shstrndx) != 0)
        return invalid("Invalid ELF section header overflow");

    ElfImage image;
    Elf_Scn* symtab = nullptr;
    GElf_Shdr symtab_header {};
    Elf_Scn* dynsym = nullptr;
    GElf_Shdr dynsym_header {};
    size_t index = 0;
    for (Elf_Scn* scn = elf_nextscn(elf.get(), nullptr); scn; scn = elf_nextscn(elf.get(), scn)) {
        ++index;
        GElf_Shdr header;
        if (!gelf_getshdr(scn, &header))
            return invalid("Invalid ELF section in module (section " + std::to_string(index) + ")");
        const char* name = elf_strptr(elf.get(), shstrndx, header.sh_name);
        if (!name)
            continue;
        // A .modinfo or __versions without contents (SHT_NOBITS) holds nothing.
        Elf_Data* data = header.sh_type == SHT_NOBITS ? nullptr : elf_getdata(scn, nullptr);
        if (data && !data->d_buf)
            data = nullptr;
        if (std::strcmp(name, ".modinfo") == 0) {
            const char* p = data ? static_cast<const char*>(data->d_buf) : nullptr;
            size_t size = data ? data->d_size : 0;
            // Strings separated by NULs; zero padding between them is skipped.
            for (size_t i = 0; p && i < size;) {
                size_t end = i;
                while (end < size && p[end])
                    ++end;
                if (end > i)
                    image.modinfo.emplace_back(p + i, end - i);
                i = end + 1;
            }
        } else if (std::strcmp(name, "__versions") == 0 || std::strcmp(name, "__ksim_kcrctab") == 0) {
            bool versions = name[2] == 'v';
            image.has_versions |= versions;
            size_t count = data ? data->d_size / sizeof(modversion_info) : 0;
            for (size_t i = 0; i < count; ++i) {
                modversion_info entry;
                std::memcpy(&entry, static_cast<const char*>(data->d_buf) + i * sizeof entry, sizeof entry);
                entry.name[sizeof entry.name - 1] = '\0';
                (versions ? image.versions : image.export_crcs)
                    .push_back({entry.name, static_cast<uint32_t>(entry.crc)});
            }
        } else if (header.sh_type == SHT_SYMTAB) {
            symtab = scn;
            symtab_header = header;
        } else if (header.sh_type == SHT_DYNSYM) {
            dynsym = scn;
            dynsym_header = header;
        }
    }
    if (!dynsym)
        return invalid("module has no symbols (stripped?)");
    image.dynsym = {dynsym_header.sh_offset, dynsym_header.sh_size, dynsym_header.sh_entsize};
    read_symbols(elf.get(), dynsym, dynsym_header, image, true);
    if (symtab) {
        read_symbols(elf.get(), symtab, symtab_header, image, false);
    } else {
        // A stripped module still names its exports and entry points.
        GElf_Shdr header = dynsym_header;
        ElfImage dynamic_only;
        read_symbols(elf.get(), dynsym, header, dynamic_only, false);
        image.symbols = std::move(dynamic_only.symbols);
    }
    return image;
}

} // namespace ksim
