// Reads a module's relocatable object with libelf (see object_file.h).
#include "object_file.h"

#include <gelf.h>

#include <cstring>
#include <string_view>

#include "elf_file.h"

namespace ksim::modpost {

namespace {

std::string section_name(Elf* elf, size_t strings, size_t index)
{
    Elf_Scn* scn = elf_getscn(elf, index);
    GElf_Shdr header;
    if (!scn || !gelf_getshdr(scn, &header))
        return {};
    const char* name = elf_strptr(elf, strings, header.sh_name);
    return name ? name : "";
}

void read_modinfo(Elf_Scn* scn, ObjectFile& object)
{
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data || !data->d_buf)
        return;
    std::string_view bytes(static_cast<const char*>(data->d_buf), data->d_size);
    while (!bytes.empty()) {
        size_t end = bytes.find('\0');
        std::string_view tag = bytes.substr(0, end);
        if (!tag.empty())
            object.modinfo.emplace_back(tag);
        if (end == std::string_view::npos)
            break;
        bytes.remove_prefix(end + 1);
    }
}

// Undefined globals are imports; the symbols EXPORT_SYMBOL places in
// __ksymtab and __ksymtab_gpl (named __ksymtab_<name>) are exports.
void read_symbols(Elf* elf, size_t strings, Elf_Scn* scn, const GElf_Shdr& table, ObjectFile& object)
{
    static constexpr std::string_view ksymtab_prefix = "__ksymtab_";
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data || table.sh_entsize == 0)
        return;
    size_t count = table.sh_size / table.sh_entsize;
    for (size_t i = 1; i < count; ++i) {
        GElf_Sym sym;
        if (!gelf_getsym(data, static_cast<int>(i), &sym))
            continue;
        const char* raw_name = elf_strptr(elf, table.sh_link, sym.st_name);
        std::string_view name = raw_name ? raw_name : "";
        if (name.empty())
            continue;
        int binding = GELF_ST_BIND(sym.st_info);
        if (sym.st_shndx == SHN_UNDEF) {
            // __this_module comes from the .mod.c; the GOT from the linker.
            if ((binding == STB_GLOBAL || binding == STB_WEAK) && name != "__this_module"
                && name != "_GLOBAL_OFFSET_TABLE_")
                object.imports.push_back({std::string(name), binding == STB_WEAK});
            continue;
        }
        if (!name.starts_with(ksymtab_prefix) || sym.st_shndx >= SHN_LORESERVE)
            continue;
        std::string section = section_name(elf, strings, sym.st_shndx);
        if (section == "__ksymtab" || section == "__ksymtab_gpl")
            object.exports.push_back({std::string(name.substr(ksymtab_prefix.size())), section == "__ksymtab_gpl"});
    }
}

} // namespace

std::variant<ObjectFile, ReadError> read_object_file(const std::string& path)
{
    auto opened = ElfFile::open(path, ELF_C_READ);
    if (auto* error = std::get_if<std::string>(&opened))
        return ReadError {*error};
    ElfFile& elf = std::get<ElfFile>(opened);
    GElf_Ehdr header;
    if (!gelf_getehdr(elf.get(), &header) || header.e_type != ET_REL)
        return ReadError {path + " is not a relocatable object"};
    size_t strings = 0;
    if (elf_getshdrstrndx(elf.get(), &strings) != 0)
        return ReadError {path + ": " + elf_errmsg(-1)};

    ObjectFile object;
    bool has_symtab = false;
    for (Elf_Scn* scn = elf_nextscn(elf.get(), nullptr); scn; scn = elf_nextscn(elf.get(), scn)) {
        GElf_Shdr section;
        if (!gelf_getshdr(scn, &section))
            continue;
        const char* name = elf_strptr(elf.get(), strings, section.sh_name);
        if (name && std::strcmp(name, ".modinfo") == 0 && section.sh_type != SHT_NOBITS)
            read_modinfo(scn, object);
        if (section.sh_type == SHT_SYMTAB) {
            has_symtab = true;
            read_symbols(elf.get(), strings, scn, section, object);
        }
    }
    if (!has_symtab)
        return ReadError {path + " has no symtab?"};
    return object;
}

} // namespace ksim::modpost
