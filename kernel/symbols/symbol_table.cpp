// The exported-symbol table (see symbol_table.h).
#include "symbols/symbol_table.h"

#include <algorithm>
#include <cerrno>

namespace ksim {

ErrorOr<void> SymbolTable::add(ExportedSymbol symbol)
{
    if (m_index.count(symbol.name))
        return Errno {EEXIST};
    m_index.emplace(symbol.name, m_symbols.size());
    m_symbols.push_back(std::move(symbol));
    return {};
}

const ExportedSymbol* SymbolTable::find(std::string_view name) const
{
    auto it = m_index.find(std::string(name));
    return it == m_index.end() ? nullptr : &m_symbols[it->second];
}

void SymbolTable::remove_owner(OwnerId owner)
{
    std::erase_if(m_symbols, [owner](const ExportedSymbol& s) { return s.owner == owner; });
    m_index.clear();
    for (size_t i = 0; i < m_symbols.size(); ++i)
        m_index.emplace(m_symbols[i].name, i);
}

} // namespace ksim
