// The <module>.mod.c that modpost writes next to each module object.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ksim::modpost {

using SymbolCrcs = std::vector<std::pair<std::string, uint32_t>>;

// The source text: the modules this one depends on (for .modinfo
// "depends="), the CRCs of the symbols it imports (__versions) and of those
// it exports (__ksim_kcrctab).
std::string mod_c_text(const std::string& module_path, const std::vector<std::string>& depends,
    const SymbolCrcs& versions, const SymbolCrcs& export_crcs);

// Writes the file only when its text changes, so make does not rebuild
// modules whose metadata stayed the same. Returns false on a write error.
bool write_if_changed(const std::string& path, const std::string& text);

} // namespace ksim::modpost
