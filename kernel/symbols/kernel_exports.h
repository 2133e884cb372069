// The kernel's own EXPORT_SYMBOL list: the API modules may call.
#pragma once

#include <string>
#include <vector>

#include "symbols/symbol_table.h"

namespace ksim {

struct KernelExport {
    const char* name;
    bool gpl_only;
};

// Every name the kernel exports, as Linux exports it (EXPORT_SYMBOL or _GPL).
const std::vector<KernelExport>& kernel_export_list();

// Looks each name up in the running process and adds it to the table;
// returns the names that could not be found (a build mistake).
std::vector<std::string> register_kernel_exports(SymbolTable& table);

}  // namespace ksim
