// CONFIG_MODVERSIONS CRCs: a checksum of each exported symbol's full type, so
// a module built against another version of a prototype is caught at load.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ksim::modpost {

// The CRC of each of `symbols` that the object's DWARF describes (modules are
// built with -g). Like Linux's gendwarfksyms, the checksum covers the type
// expanded all the way: return and parameter types, the members of the
// structures they point to, typedefs and enumerators. Symbols without debug
// information are left out.
std::map<std::string, uint32_t> symbol_crcs(const std::string& object_path, const std::vector<std::string>& symbols);

} // namespace ksim::modpost
