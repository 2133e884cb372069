// modpost's section-mismatch check (see section_mismatch.h).
#include "section_mismatch.h"

#include <gelf.h>

#include <cstdio>
#include <optional>

#include "elf_file.h"

namespace ksim::modpost {

namespace {

struct Symbols {
    Elf* elf;
    Elf_Data* data;
    size_t count;
    size_t names; // the string table of the symbol names
    size_t section_names;

    std::string section_of(size_t index) const
    {
        Elf_Scn* scn = elf_getscn(elf, index);
        GElf_Shdr header;
        if (!scn || !gelf_getshdr(scn, &header))
            return {};
        const char* name = elf_strptr(elf, section_names, header.sh_name);
        return name ? name : "";
    }

    std::string name(const GElf_Sym& sym) const
    {
        const char* text = elf_strptr(elf, names, sym.st_name);
        return text ? text : "";
    }

    // Linux's is_valid_name(): no local labels or mapping symbols.
    bool is_valid(const GElf_Sym& sym) const
    {
        std::string text = name(sym);
        return !text.empty() && !text.starts_with(".L") && !text.starts_with("$");
    }

    // The symbol a reference from `address` in `section` is made in: the
    // last one at the greatest address not above it, as find_elf_symbol2().
    std::optional<GElf_Sym> containing(GElf_Addr address, size_t section) const
    {
        std::optional<GElf_Sym> near;
        for (size_t i = 1; i < count; ++i) {
            GElf_Sym sym;
            if (!gelf_getsym(data, static_cast<int>(i), &sym) || sym.st_shndx != section || !is_valid(sym)
                || GELF_ST_TYPE(sym.st_info) == STT_SECTION)
                continue;
            if (sym.st_value <= address && (!near || sym.st_value >= near->st_value))
                near = sym;
        }
        return near;
    }

    // What a relocation's symbol names: itself, or for a section symbol the
    // object at (or within 20 bytes of) the addend, as find_elf_symbol().
    std::optional<GElf_Sym> target(const GElf_Sym& relocated, long long addend) const
    {
        if (relocated.st_name != 0 && GELF_ST_TYPE(relocated.st_info) != STT_SECTION)
            return relocated;
        std::optional<GElf_Sym> near;
        unsigned long long distance = 20;
        for (size_t i = 1; i < count; ++i) {
            GElf_Sym sym;
            if (!gelf_getsym(data, static_cast<int>(i), &sym) || sym.st_shndx != relocated.st_shndx
                || GELF_ST_TYPE(sym.st_info) == STT_SECTION || !is_valid(sym))
                continue;
            long long value = static_cast<long long>(sym.st_value);
            unsigned long long d = value >= addend ? value - addend : addend - value;
            if (d == 0)
                return sym;
            if (d < distance) {
                distance = d;
                near = sym;
            }
        }
        return near;
    }
};

// "__init ", "__initdata ", "__initconst ", "__exit "...: sec2annotation().
std::string annotation(const std::string& section)
{
    if (!section.starts_with(".init.") && !section.starts_with(".exit."))
        return "";
    std::string rest = section.substr(6);
    std::string text = "__" + section.substr(1, 4);
    if (rest.find("rodata") != std::string::npos)
        return text + "const ";
    if (rest.find("data") != std::string::npos)
        return text + "data ";
    return text + " ";
}

struct Described {
    std::string kind; // "function", "variable" or "(unknown reference)"
    std::string parentheses; // "()" after a function
};

Described describe(const std::optional<GElf_Sym>& sym)
{
    if (!sym)
        return {"(unknown reference)", ""};
    if (GELF_ST_TYPE(sym->st_info) == STT_FUNC)
        return {"function", "()"};
    if (GELF_ST_TYPE(sym->st_info) == STT_OBJECT)
        return {"variable", ""};
    return {"(unknown reference)", ""};
}

std::string hex(unsigned long long value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%llx", value);
    return text;
}

} // namespace

std::vector<std::string> section_mismatches(const std::string& object_path)
{
    std::vector<std::string> reports;
    auto opened = ElfFile::open(object_path, ELF_C_READ);
    if (!std::holds_alternative<ElfFile>(opened))
        return reports; // read_object_file has reported why
    Elf* elf = std::get<ElfFile>(opened).get();
    Symbols symbols {elf, nullptr, 0, 0, 0};
    if (elf_getshdrstrndx(elf, &symbols.section_names) != 0)
        return reports;
    for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr header;
        if (gelf_getshdr(scn, &header) && header.sh_type == SHT_SYMTAB && header.sh_entsize) {
            symbols.data = elf_getdata(scn, nullptr);
            symbols.count = header.sh_size / header.sh_entsize;
            symbols.names = header.sh_link;
        }
    }
    if (!symbols.data)
        return reports;
    std::string module = object_path;
    for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr header;
        if (!gelf_getshdr(scn, &header) || header.sh_type != SHT_RELA)
            continue;
        std::string from_section = symbols.section_of(header.sh_info);
        bool from_text = from_section == ".text" || from_section.starts_with(".text.");
        bool from_exit = from_section.starts_with(".exit.");
        if (!from_text && !from_exit)
            continue;
        Elf_Data* data = elf_getdata(scn, nullptr);
        size_t count = header.sh_entsize ? header.sh_size / header.sh_entsize : 0;
        for (size_t i = 0; data && i < count; ++i) {
            GElf_Rela rela;
            GElf_Sym relocated;
            if (!gelf_getrela(data, static_cast<int>(i), &rela)
                || !gelf_getsym(symbols.data, static_cast<int>(GELF_R_SYM(rela.r_info)), &relocated)
                || relocated.st_shndx == SHN_UNDEF || relocated.st_shndx >= SHN_LORESERVE)
                continue;
            std::string to_section = symbols.section_of(relocated.st_shndx);
            if (!to_section.starts_with(".init."))
                continue;
            std::optional<GElf_Sym> from = symbols.containing(rela.r_offset, header.sh_info);
            std::optional<GElf_Sym> to = symbols.target(relocated, rela.r_addend);
            std::string from_name = from ? symbols.name(*from) : "";
            std::string to_name = to ? symbols.name(*to) : "";
            Described f = describe(from), t = describe(to);
            std::string from_note = annotation(from_section), to_note = annotation(to_section);
            std::string report = module + "(" + from_section + "+0x" + hex(rela.r_offset)
                + "): Section mismatch in reference from the " + f.kind + " " + from_name + f.parentheses + " to the "
                + t.kind + " " + to_section + ":" + to_name + t.parentheses + "\n";
            if (from_text)
                report += "The function " + from_note + from_name + "() references\nthe " + t.kind + " " + to_note
                    + to_name + t.parentheses + ".\nThis is often because " + from_name + " lacks a " + to_note
                    + "\nannotation or the annotation of " + to_name + " is wrong.\n";
            else
                report += "The " + f.kind + " " + from_note + from_name + f.parentheses + " references\na " + t.kind
                    + " " + to_note + to_name + t.parentheses
                    + ".\nThis is often seen when error handling in the exit function\nuses functionality in the "
                      "init path.\nThe fix is often to remove the "
                    + to_note + "annotation of\n" + to_name + t.parentheses
                    + " so it may be used outside an init section.\n";
            reports.push_back(std::move(report));
        }
    }
    return reports;
}

} // namespace ksim::modpost
