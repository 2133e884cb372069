// depmod's view of a module tree: every .ko under /lib/modules/<release>,
// with the symbols it exports and needs, read without running it.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ksim::shell::kmod {

struct ModuleFile {
    std::string relpath; // as modules.dep writes it, e.g. "extra/hello.ko"
    std::string name; // the module name ('-' as '_')
    std::vector<std::pair<std::string, std::string>> modinfo;
    std::vector<std::string> exports;
    std::vector<std::string> needed; // undefined, non-weak symbols
};

// Every .ko below `dir`, in modules.order's order first, then by path.
// Files that are not valid modules are skipped with a message in `errors`.
std::vector<ModuleFile> scan_module_tree(const std::filesystem::path& dir, std::vector<std::string>& errors);

} // namespace ksim::shell::kmod
