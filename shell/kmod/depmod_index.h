// The index files depmod writes, in kmod's text formats.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "shell/kmod/module_scan.h"

namespace ksim::shell::kmod {

struct DepmodResult {
    std::vector<std::pair<std::string, std::string>> files; // file name, contents
    std::vector<std::string> warnings; // "needs unknown symbol" (with -e)
    std::vector<std::string> errors; // dependency cycles
};

// modules.dep (every module with all its dependencies, nearest first, as
// kmod sorts them), modules.alias, modules.softdep, modules.symbols and
// modules.devname. `kernel_symbols` are the kernel's own exports.
DepmodResult build_depmod_indexes(
    const std::vector<ModuleFile>& modules, const std::set<std::string>& kernel_symbols, bool warn_unknown_symbols);

} // namespace ksim::shell::kmod
