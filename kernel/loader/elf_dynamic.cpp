// Checks what glibc's dynamic linker trusts in a module (see elf_dynamic.h).
#include "loader/elf_dynamic.h"

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

namespace ksim {

namespace {

constexpr uint64_t page_size = 4096;
// A module's whole mapping; glibc reserves this much address space at once.
constexpr uint64_t max_mapping = uint64_t {1} << 30;

// [at, at + length) lies inside [start, start + size), without overflow.
bool within(uint64_t start, uint64_t size, uint64_t at, uint64_t length)
{
    return at >= start && length <= size && at - start <= size - length;
}

struct Range {
    uint64_t start;
    uint64_t size;
    bool overlaps(uint64_t at, uint64_t length) const { return at < start + size && start < at + length; }
};

class Checker {
public:
    Checker(std::span<const std::byte> bytes, const DynsymSection& dynsym, const std::string& module_name)
        : m_bytes(bytes)
        , m_dynsym(dynsym)
        , m_name(module_name)
    {
    }

    std::optional<std::string> run()
    {
        if (auto e = check_header())
            return e;
        if (auto e = check_segments())
            return e;
        if (auto e = read_dynamic())
            return e;
        if (auto e = check_strings_and_symbols())
            return e;
        if (auto e = check_gnu_hash())
            return e;
        if (auto e = check_sysv_hash())
            return e;
        if (auto e = check_arrays())
            return e;
        return check_relocation_tables();
    }

    DynamicLayout layout() const { return m_layout; }

private:
    template <typename T> std::optional<T> read(uint64_t offset) const
    {
        if (!within(0, m_bytes.size(), offset, sizeof(T)))
            return std::nullopt;
        T value;
        std::memcpy(&value, m_bytes.data() + offset, sizeof value);
        return value;
    }

    // The file offset of [vaddr, vaddr + length) when one PT_LOAD maps all of it from the file.
    std::optional<uint64_t> file_offset(uint64_t vaddr, uint64_t length) const
    {
        for (const Elf64_Phdr& ph : m_loads)
            if (within(ph.p_vaddr, ph.p_filesz, vaddr, length))
                return ph.p_offset + (vaddr - ph.p_vaddr);
        return std::nullopt;
    }

    // The PT_LOAD whose memory holds [vaddr, vaddr + length).
    const Elf64_Phdr* segment(uint64_t vaddr, uint64_t length) const
    {
        for (const Elf64_Phdr& ph : m_loads)
            if (within(ph.p_vaddr, ph.p_memsz, vaddr, length))
                return &ph;
        return nullptr;
    }

    std::optional<uint64_t> tag(int64_t t) const
    {
        auto it = m_tags.find(t);
        return it == m_tags.end() ? std::nullopt : std::optional<uint64_t>(it->second);
    }

    static std::string bad_tag(int64_t t) { return "Invalid ELF dynamic entry (tag " + std::to_string(t) + ")"; }

    // A table the linker reads, file-backed; remembered so no relocation may rewrite it.
    std::optional<uint64_t> table(int64_t t, uint64_t length)
    {
        auto address = tag(t);
        if (!address)
            return std::nullopt;
        auto offset = file_offset(*address, length);
        if (offset)
            m_protected.push_back({*address, length});
        return offset;
    }

    std::optional<std::string> check_header() const
    {
        Elf64_Ehdr h = *read<Elf64_Ehdr>(0); // read_elf_image checked the length
        static constexpr unsigned char padding[EI_NIDENT - EI_PAD] = {};
        if (h.e_ident[EI_DATA] != ELFDATA2LSB || h.e_ident[EI_VERSION] != EV_CURRENT || h.e_version != EV_CURRENT
            || (h.e_ident[EI_OSABI] != ELFOSABI_SYSV && h.e_ident[EI_OSABI] != ELFOSABI_GNU)
            || h.e_ident[EI_ABIVERSION] != 0 || std::memcmp(h.e_ident + EI_PAD, padding, sizeof padding) != 0)
            return "Invalid ELF header ident";
        if (h.e_phentsize != sizeof(Elf64_Phdr) || h.e_phnum == 0 || h.e_phnum == PN_XNUM
            || !within(0, m_bytes.size(), h.e_phoff, uint64_t {h.e_phnum} * sizeof(Elf64_Phdr)))
            return "Invalid ELF program header overflow";
        return std::nullopt;
    }

    std::optional<std::string> check_segments()
    {
        Elf64_Ehdr h = *read<Elf64_Ehdr>(0);
        std::vector<Elf64_Phdr> others;
        for (unsigned i = 0; i < h.e_phnum; ++i) {
            Elf64_Phdr ph = *read<Elf64_Phdr>(h.e_phoff + i * sizeof(Elf64_Phdr));
            auto bad = [&] {
                return "Invalid ELF program header (segment " + std::to_string(i) + " type " + std::to_string(ph.p_type)
                    + ")";
            };
            switch (ph.p_type) {
            case PT_LOAD: {
                // glibc maps the span of all PT_LOADs at once, then each one
                // MAP_FIXED inside it: out of order or overlapping, they would
                // land on memory that is not the module's.
                bool aligned = ph.p_align >= page_size && (ph.p_align & (ph.p_align - 1)) == 0
                    && (ph.p_vaddr - ph.p_offset) % ph.p_align == 0;
                if (!aligned || ph.p_filesz > ph.p_memsz || !within(0, m_bytes.size(), ph.p_offset, ph.p_filesz)
                    || !within(0, max_mapping, ph.p_vaddr, ph.p_memsz))
                    return bad();
                if (!m_loads.empty()) {
                    const Elf64_Phdr& last = m_loads.back();
                    uint64_t last_end = (last.p_vaddr + last.p_memsz + page_size - 1) & ~(page_size - 1);
                    if ((ph.p_vaddr & ~(page_size - 1)) < last_end)
                        return bad();
                }
                m_loads.push_back(ph);
                break;
            }
            case PT_DYNAMIC:
                if (m_dynamic)
                    return bad();
                m_dynamic = ph;
                break;
            case PT_GNU_STACK:
                // An executable stack would make glibc change the whole process's stacks.
                if (ph.p_flags & PF_X)
                    return bad();
                break;
            case PT_GNU_RELRO:
            case PT_NOTE:
            case PT_GNU_PROPERTY:
            case PT_GNU_EH_FRAME:
                others.push_back(ph);
                break;
            case PT_NULL:
            case PT_PHDR:
                break;
            default: // PT_INTERP, PT_TLS, ...: nothing a module has
                return bad();
            }
        }
        if (m_loads.empty() || !m_dynamic)
            return "Invalid ELF program header (no " + std::string(m_loads.empty() ? "PT_LOAD" : "PT_DYNAMIC") + ")";
        // glibc mprotects PT_GNU_RELRO and reads the notes and the unwind table from memory.
        for (const Elf64_Phdr& ph : others) {
            bool ok = ph.p_type == PT_GNU_RELRO ? segment(ph.p_vaddr, ph.p_memsz) != nullptr
                                                : file_offset(ph.p_vaddr, ph.p_memsz).has_value();
            if (!ok)
                return "Invalid ELF program header (type " + std::to_string(ph.p_type) + ")";
        }
        return std::nullopt;
    }

    std::optional<std::string> read_dynamic()
    {
        auto offset = file_offset(m_dynamic->p_vaddr, m_dynamic->p_filesz);
        if (!offset || m_dynamic->p_filesz < sizeof(Elf64_Dyn))
            return "Invalid ELF dynamic section";
        m_protected.push_back({m_dynamic->p_vaddr, m_dynamic->p_filesz});
        for (uint64_t i = 0; i < m_dynamic->p_filesz / sizeof(Elf64_Dyn); ++i) {
            Elf64_Dyn d = *read<Elf64_Dyn>(*offset + i * sizeof(Elf64_Dyn));
            switch (d.d_tag) {
            case DT_NULL:
                return check_required_tags();
            case DT_HASH:
            case DT_GNU_HASH:
            case DT_STRTAB:
            case DT_SYMTAB:
            case DT_STRSZ:
            case DT_SYMENT:
            case DT_RELA:
            case DT_RELASZ:
            case DT_RELAENT:
            case DT_RELACOUNT:
            case DT_PLTGOT:
            case DT_PLTRELSZ:
            case DT_PLTREL:
            case DT_JMPREL:
            case DT_INIT:
            case DT_FINI:
            case DT_INIT_ARRAY:
            case DT_INIT_ARRAYSZ:
            case DT_FINI_ARRAY:
            case DT_FINI_ARRAYSZ:
            case DT_SONAME:
            case DT_SYMBOLIC:
            case DT_BIND_NOW:
                break;
            case DT_FLAGS:
                if (d.d_un.d_val & ~uint64_t {DF_SYMBOLIC | DF_BIND_NOW})
                    return bad_tag(d.d_tag);
                break;
            case DT_FLAGS_1:
                if (d.d_un.d_val & ~uint64_t {DF_1_NOW | DF_1_NODELETE})
                    return bad_tag(d.d_tag);
                break;
            default:
                // DT_NEEDED would load host libraries, DT_VERSYM & co. index
                // glibc's tables unchecked, DT_TEXTREL writes to code, ...
                return bad_tag(d.d_tag);
            }
            if (!m_tags.emplace(d.d_tag, d.d_un.d_val).second)
                return bad_tag(d.d_tag);
        }
        return "Invalid ELF dynamic section";
    }

    std::optional<std::string> check_required_tags() const
    {
        for (int64_t t : {DT_STRTAB, DT_STRSZ, DT_SYMTAB, DT_SYMENT, DT_GNU_HASH})
            if (!tag(t))
                return bad_tag(t);
        return std::nullopt;
    }

    std::optional<std::string> check_strings_and_symbols()
    {
        uint64_t strsz = *tag(DT_STRSZ);
        auto strtab = table(DT_STRTAB, strsz);
        // NUL-terminated, so every name the linker or dladdr reads ends inside it.
        if (!strtab || strsz == 0 || *read<char>(*strtab + strsz - 1) != '\0')
            return bad_tag(DT_STRTAB);
        if (auto soname = tag(DT_SONAME); soname && *soname >= strsz)
            return bad_tag(DT_SONAME);
        // The symbol count comes from .dynsym, which must be exactly DT_SYMTAB.
        if (*tag(DT_SYMENT) != sizeof(Elf64_Sym) || m_dynsym.entsize != sizeof(Elf64_Sym)
            || m_dynsym.size % sizeof(Elf64_Sym) != 0)
            return bad_tag(DT_SYMENT);
        auto symtab = table(DT_SYMTAB, m_dynsym.size);
        if (!symtab || *symtab != m_dynsym.offset || m_dynsym.size == 0)
            return bad_tag(DT_SYMTAB);
        m_layout = {*symtab, m_dynsym.size / sizeof(Elf64_Sym), *strtab, strsz, {}};
        for (const Elf64_Phdr& ph : m_loads)
            m_layout.segments.push_back({ph.p_vaddr, ph.p_memsz});
        for (uint64_t i = 0; i < m_layout.symbol_count; ++i) {
            Elf64_Sym s = *read<Elf64_Sym>(*symtab + i * sizeof(Elf64_Sym));
            int type = ELF64_ST_TYPE(s.st_info);
            // An IFUNC resolver would run module code inside dlopen; TLS needs a host TLS block.
            // A defined symbol (ksim reads __this_module through one) lies in the
            // module's memory; an absolute one can only be the NULL a weak reference becomes.
            bool defined_outside = s.st_shndx == SHN_ABS
                ? s.st_value != 0
                : s.st_shndx != SHN_UNDEF && (s.st_shndx >= SHN_LORESERVE || !segment(s.st_value, s.st_size));
            if (s.st_name >= strsz || type == STT_GNU_IFUNC || type == STT_TLS || defined_outside)
                return "Invalid ELF symbol " + std::to_string(i) + " in module (type " + std::to_string(type) + ")";
        }
        return std::nullopt;
    }

    // The GNU hash table every later symbol lookup in ksim walks: its buckets
    // and chains must stay inside the symbol table and every chain must end.
    std::optional<std::string> check_gnu_hash()
    {
        auto header = table(DT_GNU_HASH, 16);
        if (!header)
            return bad_tag(DT_GNU_HASH);
        uint32_t nbuckets = *read<uint32_t>(*header), symoffset = *read<uint32_t>(*header + 4);
        uint32_t bloom_size = *read<uint32_t>(*header + 8);
        uint64_t nsyms = m_layout.symbol_count;
        if (nbuckets == 0 || bloom_size == 0 || (bloom_size & (bloom_size - 1)) != 0 || symoffset > nsyms)
            return bad_tag(DT_GNU_HASH);
        uint64_t buckets = *header + 16 + uint64_t {bloom_size} * 8;
        uint64_t chains = buckets + uint64_t {nbuckets} * 4;
        uint64_t length = 16 + uint64_t {bloom_size} * 8 + uint64_t {nbuckets} * 4 + (nsyms - symoffset) * 4;
        if (!table(DT_GNU_HASH, length))
            return bad_tag(DT_GNU_HASH);
        for (uint32_t b = 0; b < nbuckets; ++b) {
            uint32_t first = *read<uint32_t>(buckets + uint64_t {b} * 4);
            if (first != 0 && (first < symoffset || first >= nsyms))
                return bad_tag(DT_GNU_HASH);
        }
        // A chain ends at an entry with its low bit set; the last one must.
        if (nsyms > symoffset && (*read<uint32_t>(chains + (nsyms - symoffset - 1) * 4) & 1) == 0)
            return bad_tag(DT_GNU_HASH);
        return std::nullopt;
    }

    // Ignored by glibc when a GNU hash table exists, but checked the same way.
    std::optional<std::string> check_sysv_hash()
    {
        if (!tag(DT_HASH))
            return std::nullopt;
        auto header = table(DT_HASH, 8);
        if (!header)
            return bad_tag(DT_HASH);
        uint32_t nbucket = *read<uint32_t>(*header), nchain = *read<uint32_t>(*header + 4);
        if (nbucket == 0 || nchain != m_layout.symbol_count || !table(DT_HASH, 8 + (uint64_t {nbucket} + nchain) * 4))
            return bad_tag(DT_HASH);
        uint64_t chains = *header + 8 + uint64_t {nbucket} * 4;
        std::vector<bool> seen(nchain);
        for (uint32_t b = 0; b < nbucket; ++b) {
            for (uint32_t i = *read<uint32_t>(*header + 8 + uint64_t {b} * 4); i != STN_UNDEF;
                 i = *read<uint32_t>(chains + uint64_t {i} * 4)) {
                if (i >= nchain || seen[i])
                    return bad_tag(DT_HASH); // out of the table, or a cycle
                seen[i] = true;
            }
        }
        return std::nullopt;
    }

    std::optional<std::string> check_arrays() const
    {
        for (auto [array, size] : {std::pair {DT_INIT_ARRAY, DT_INIT_ARRAYSZ}, {DT_FINI_ARRAY, DT_FINI_ARRAYSZ}}) {
            if (tag(array).has_value() != tag(size).has_value())
                return bad_tag(tag(array) ? size : array);
            if (tag(array) && (*tag(size) % sizeof(uint64_t) != 0 || !segment(*tag(array), *tag(size))))
                return bad_tag(array);
        }
        for (int64_t t : {DT_INIT, DT_FINI}) {
            const Elf64_Phdr* code = tag(t) ? segment(*tag(t), 1) : nullptr;
            if (tag(t) && (!code || !(code->p_flags & PF_X)))
                return bad_tag(t);
        }
        if (auto got = tag(DT_PLTGOT); got && !segment(*got, 3 * sizeof(uint64_t)))
            return bad_tag(DT_PLTGOT);
        return std::nullopt;
    }

    // Linux's apply_relocate_add() refuses a type it does not know with
    // "Unknown rela relocation"; ksim knows the five a PIC module needs.
    std::optional<std::string> check_relocation_tables()
    {
        std::vector<std::pair<uint64_t, uint64_t>> tables; // file offset, count
        uint64_t relative_count = tag(DT_RELACOUNT).value_or(0);
        if (tag(DT_RELA)) {
            auto size = tag(DT_RELASZ);
            if (!size || tag(DT_RELAENT) != sizeof(Elf64_Rela) || *size % sizeof(Elf64_Rela) != 0)
                return bad_tag(DT_RELASZ);
            auto offset = table(DT_RELA, *size);
            if (!offset || relative_count > *size / sizeof(Elf64_Rela))
                return bad_tag(DT_RELA);
            tables.emplace_back(*offset, *size / sizeof(Elf64_Rela));
        } else if (relative_count || tag(DT_RELASZ)) {
            return bad_tag(DT_RELA);
        }
        if (tag(DT_JMPREL)) {
            auto size = tag(DT_PLTRELSZ);
            if (!size || tag(DT_PLTREL) != uint64_t {DT_RELA} || *size % sizeof(Elf64_Rela) != 0)
                return bad_tag(DT_PLTRELSZ);
            auto offset = table(DT_JMPREL, *size);
            if (!offset)
                return bad_tag(DT_JMPREL);
            tables.emplace_back(*offset, *size / sizeof(Elf64_Rela));
        } else if (tag(DT_PLTRELSZ)) {
            return bad_tag(DT_JMPREL);
        }
        for (auto [offset, count] : tables) {
            for (uint64_t i = 0; i < count; ++i) {
                Elf64_Rela r = *read<Elf64_Rela>(offset + i * sizeof(Elf64_Rela));
                if (auto e = check_relocation(r, i < relative_count && offset == tables.front().first))
                    return e;
            }
        }
        return std::nullopt;
    }

    std::optional<std::string> check_relocation(const Elf64_Rela& r, bool must_be_relative) const
    {
        uint32_t type = ELF64_R_TYPE(r.r_info);
        bool known = type == R_X86_64_NONE || type == R_X86_64_64 || type == R_X86_64_GLOB_DAT
            || type == R_X86_64_JUMP_SLOT || type == R_X86_64_RELATIVE;
        // glibc applies the first DT_RELACOUNT entries as R_X86_64_RELATIVE without looking.
        if (!known || (must_be_relative && type != R_X86_64_RELATIVE))
            return m_name + ": Unknown rela relocation: " + std::to_string(type);
        const Elf64_Phdr* target = segment(r.r_offset, sizeof(uint64_t));
        bool into_tables = std::any_of(m_protected.begin(), m_protected.end(),
            [&](const Range& t) { return t.overlaps(r.r_offset, sizeof(uint64_t)); });
        if (ELF64_R_SYM(r.r_info) >= m_layout.symbol_count || !target || !(target->p_flags & PF_W) || into_tables)
            return m_name + ": invalid relocation target, offset " + std::to_string(r.r_offset) + " type "
                + std::to_string(type);
        return std::nullopt;
    }

    std::span<const std::byte> m_bytes;
    DynsymSection m_dynsym;
    const std::string& m_name;
    std::vector<Elf64_Phdr> m_loads;
    std::optional<Elf64_Phdr> m_dynamic;
    std::map<int64_t, uint64_t> m_tags;
    std::vector<Range> m_protected;
    DynamicLayout m_layout;
};

} // namespace

std::variant<DynamicLayout, std::string> check_dynamic_linking(
    std::span<const std::byte> bytes, const DynsymSection& dynsym, const std::string& module_name)
{
    Checker checker(bytes, dynsym, module_name);
    if (auto error = checker.run())
        return *error;
    return checker.layout();
}

} // namespace ksim
