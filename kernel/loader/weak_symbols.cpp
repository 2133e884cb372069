// Weak undefined symbols as Linux resolves them (see weak_symbols.h).
#include "loader/weak_symbols.h"

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace ksim {

void bind_weak_symbols_to_zero(
    std::span<std::byte> image, const DynamicLayout& layout, const std::vector<std::string>& names)
{
    // check_dynamic_linking() proved the table and every name inside the image.
    const char* strings = reinterpret_cast<const char*>(image.data() + layout.strtab_offset);
    for (uint64_t i = 1; i < layout.symbol_count; ++i) {
        std::byte* entry = image.data() + layout.symtab_offset + i * sizeof(Elf64_Sym);
        Elf64_Sym sym;
        std::memcpy(&sym, entry, sizeof sym);
        if (sym.st_shndx != SHN_UNDEF || ELF64_ST_BIND(sym.st_info) != STB_WEAK)
            continue;
        std::string_view name = strings + sym.st_name;
        if (std::find(names.begin(), names.end(), name) == names.end())
            continue;
        sym.st_info = ELF64_ST_INFO(STB_LOCAL, ELF64_ST_TYPE(sym.st_info));
        sym.st_shndx = SHN_ABS;
        sym.st_value = 0;
        sym.st_size = 0;
        std::memcpy(entry, &sym, sizeof sym);
    }
}

} // namespace ksim
