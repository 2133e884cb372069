// modprobe's index lookups (see module_index.h).
#include "shell/kmod/module_index.h"

#include <fnmatch.h>

#include <fstream>
#include <sstream>

#include "loader/modinfo.h"

namespace ksim::shell::kmod {

namespace {

// Reads "keyword a b" lines of an index file, skipping comments.
void read_alias_lines(const std::filesystem::path& file, std::vector<std::pair<std::string, std::string>>& out)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string keyword, pattern, module;
        if (words >> keyword >> pattern >> module && keyword == "alias")
            out.emplace_back(pattern, module);
    }
}

} // namespace

std::optional<ModuleIndex> ModuleIndex::load(const std::filesystem::path& dir)
{
    std::ifstream dep(dir / "modules.dep");
    if (!dep)
        return std::nullopt;
    ModuleIndex index;
    std::string line;
    while (std::getline(dep, line)) {
        size_t colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        DepEntry entry {line.substr(0, colon), {}};
        std::istringstream rest(line.substr(colon + 1));
        for (std::string path; rest >> path;)
            entry.dependencies.push_back(path);
        index.m_by_name.try_emplace(module_name_from(entry.relpath), std::move(entry));
    }
    read_alias_lines(dir / "modules.alias", index.m_aliases);
    read_alias_lines(dir / "modules.symbols", index.m_aliases);
    std::ifstream softdeps(dir / "modules.softdep");
    while (std::getline(softdeps, line)) {
        std::istringstream words(line);
        std::string keyword, module;
        if (words >> keyword >> module && keyword == "softdep") {
            std::string rest;
            std::getline(words >> std::ws, rest);
            index.m_softdeps[module_name_from(module)] = rest;
        }
    }
    return index;
}

const DepEntry* ModuleIndex::find(const std::string& name) const
{
    auto found = m_by_name.find(module_name_from(name));
    return found == m_by_name.end() ? nullptr : &found->second;
}

std::vector<std::string> ModuleIndex::resolve_alias(const std::string& alias) const
{
    std::vector<std::string> names;
    for (const auto& [pattern, module] : m_aliases)
        if (fnmatch(pattern.c_str(), alias.c_str(), 0) == 0)
            names.push_back(module);
    return names;
}

std::optional<std::string> ModuleIndex::softdep(const std::string& name) const
{
    auto found = m_softdeps.find(module_name_from(name));
    if (found == m_softdeps.end())
        return std::nullopt;
    return found->second;
}

} // namespace ksim::shell::kmod
