// The exported-symbol table: what modules may link against, who owns it, GPL-only or not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error_or.h"
#include "mm/slab.h"

namespace ksim {

struct ExportedSymbol {
    std::string name;
    uintptr_t address;
    OwnerId owner; // kernel_owner for the kernel's own API
    bool gpl_only;
    bool is_data;
    std::optional<uint32_t> crc = std::nullopt; // CONFIG_MODVERSIONS; the kernel's own exports have none
};

class SymbolTable {
public:
    // Refuses a name that is exported already (EEXIST).
    ErrorOr<void> add(ExportedSymbol symbol);
    const ExportedSymbol* find(std::string_view name) const;
    void remove_owner(OwnerId owner);
    // In export order: the kernel's first, then each module's.
    const std::vector<ExportedSymbol>& all() const { return m_symbols; }

private:
    std::vector<ExportedSymbol> m_symbols;
    std::unordered_map<std::string, size_t> m_index;
};

} // namespace ksim
