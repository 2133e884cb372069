// modprobe's lookups in the files depmod wrote under /lib/modules/<release>.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ksim::shell::kmod {

struct DepEntry {
    std::string relpath;
    std::vector<std::string> dependencies; // relpaths, nearest first (load them from the end)
};

class ModuleIndex {
public:
    // Reads modules.dep (and the alias, symbol and softdep files when present);
    // nothing when modules.dep is missing, as kmod finds no modules then.
    static std::optional<ModuleIndex> load(const std::filesystem::path& dir);

    // The modules.dep entry of a module name ('-' and '_' alike).
    const DepEntry* find(const std::string& name) const;
    // Module names an alias (a modules.alias pattern, or symbol:NAME) stands for.
    std::vector<std::string> resolve_alias(const std::string& alias) const;
    // The module's MODULE_SOFTDEP ("pre: a b post: c"), if any.
    std::optional<std::string> softdep(const std::string& name) const;

private:
    std::map<std::string, DepEntry> m_by_name;
    std::vector<std::pair<std::string, std::string>> m_aliases; // pattern, module (both files)
    std::map<std::string, std::string> m_softdeps;
};

} // namespace ksim::shell::kmod
