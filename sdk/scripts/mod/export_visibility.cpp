// Gives EXPORT_SYMBOL'd symbols default visibility (see export_visibility.h).
// Done here rather than in the header because Clang, unlike GCC, ignores a
// visibility attribute on a redeclaration after the definition.
#include "export_visibility.h"

#include <gelf.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <variant>

#include "elf_file.h"

namespace ksim::modpost {

namespace {

bool is_ksymtab(Elf* elf, size_t strings, size_t index)
{
    GElf_Shdr header;
    Elf_Scn* scn = elf_getscn(elf, index);
    if (!scn || !gelf_getshdr(scn, &header))
        return false;
    const char* name = elf_strptr(elf, strings, header.sh_name);
    return name && (std::string_view(name) == "__ksymtab" || std::string_view(name) == "__ksymtab_gpl");
}

// Calls visit with the symbol index of each relocation that fills a struct
// kernel_symbol's value field (the first of its two pointers).
template <typename Visit>
void for_each_value_target(Elf_Scn* relocations, const GElf_Shdr& header, size_t entry_size, Visit visit)
{
    Elf_Data* data = elf_getdata(relocations, nullptr);
    if (!data || header.sh_entsize == 0 || entry_size == 0)
        return;
    size_t count = header.sh_size / header.sh_entsize;
    for (size_t i = 0; i < count; ++i) {
        GElf_Rela rela;
        GElf_Rel rel;
        if (header.sh_type == SHT_RELA && gelf_getrela(data, static_cast<int>(i), &rela))
            rel = {rela.r_offset, rela.r_info};
        else if (header.sh_type != SHT_REL || !gelf_getrel(data, static_cast<int>(i), &rel))
            continue;
        if (rel.r_offset % entry_size == 0)
            visit(GELF_R_SYM(rel.r_info));
    }
}

// Sets default visibility on one symbol of the table; true if it changed.
bool make_visible(Elf_Data* symbols, size_t index)
{
    GElf_Sym sym;
    if (!gelf_getsym(symbols, static_cast<int>(index), &sym) || sym.st_shndx == SHN_UNDEF)
        return false;
    int binding = GELF_ST_BIND(sym.st_info);
    if ((binding != STB_GLOBAL && binding != STB_WEAK) || GELF_ST_VISIBILITY(sym.st_other) == STV_DEFAULT)
        return false;
    sym.st_other = static_cast<unsigned char>((sym.st_other & ~0x3) | STV_DEFAULT);
    return gelf_update_sym(symbols, static_cast<int>(index), &sym) != 0;
}

} // namespace

std::optional<std::string> make_exports_visible(const std::string& path)
{
    auto opened = ElfFile::open(path, ELF_C_RDWR);
    if (auto* error = std::get_if<std::string>(&opened))
        return *error;
    Elf* elf = std::get<ElfFile>(opened).get();
    struct stat before;
    size_t strings = 0;
    if (fstat(std::get<ElfFile>(opened).fd(), &before) != 0 || elf_getshdrstrndx(elf, &strings) != 0)
        return path + ": " + elf_errmsg(-1);

    size_t entry_size = 2 * gelf_fsize(elf, ELF_T_ADDR, 1, EV_CURRENT);
    bool changed = false;
    for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr header;
        if (!gelf_getshdr(scn, &header) || (header.sh_type != SHT_RELA && header.sh_type != SHT_REL)
            || !is_ksymtab(elf, strings, header.sh_info))
            continue;
        Elf_Scn* table = elf_getscn(elf, header.sh_link);
        Elf_Data* symbols = table ? elf_getdata(table, nullptr) : nullptr;
        if (!symbols)
            continue;
        for_each_value_target(scn, header, entry_size, [&](size_t index) {
            if (make_visible(symbols, index)) {
                elf_flagdata(symbols, ELF_C_SET, ELF_F_DIRTY);
                changed = true;
            }
        });
    }
    if (!changed)
        return std::nullopt;
    // Only the symbol table's bytes change: keep the linker's layout.
    elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT);
    if (elf_update(elf, ELF_C_WRITE) < 0)
        return path + ": " + elf_errmsg(-1);
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    if (futimens(std::get<ElfFile>(opened).fd(), times) != 0)
        return path + ": " + std::strerror(errno);
    return std::nullopt;
}

} // namespace ksim::modpost
