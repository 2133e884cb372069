// Binds the kernel's EXPORT_SYMBOL list to the running process.
#pragma once

#include <string>
#include <vector>

#include "symbols/symbol_table.h"

namespace ksim {

// Looks each name up in the running process and adds it to the table;
// returns the names that could not be found (a build mistake).
std::vector<std::string> register_kernel_exports(SymbolTable& table);

} // namespace ksim
