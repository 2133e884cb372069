// Module lookups for modprobe and modinfo (see lookup.h).
#include "shell/kmod/lookup.h"

#include <fnmatch.h>

#include <algorithm>

#include <ksim/abi.h>

#include "loader/modinfo.h"
#include "shell/shell.h"

namespace ksim::shell::kmod {

ModuleTree ModuleTree::open(const Shell& shell, const std::string& root, const std::string& config_file)
{
    ModuleTree tree;
    std::string modules = std::string("/lib/modules/") + KSIM_UTS_RELEASE;
    if (root.empty()) {
        tree.dir = shell.host_path(modules);
        tree.shown_dir = modules;
    } else {
        tree.dir = shell.host_path(root) + modules;
        tree.shown_dir = (std::filesystem::path(root) / modules.substr(1)).lexically_normal().string();
    }
    tree.index = ModuleIndex::load(tree.dir);
    std::vector<std::filesystem::path> sources;
    if (!config_file.empty())
        sources.push_back(shell.host_path(config_file));
    else
        sources = {shell.host_path("/etc/modprobe.d"), shell.host_path("/etc/modprobe.conf")};
    tree.config = read_modprobe_config(sources, [&](const std::filesystem::path& p) { return shell.shown_path(p); });
    return tree;
}

std::vector<std::string> ModuleTree::lookup(const std::string& name) const
{
    std::string wanted = name;
    std::replace(wanted.begin(), wanted.end(), '-', '_');
    std::vector<std::string> names;
    for (const auto& [pattern, module] : config.aliases)
        if (fnmatch(pattern.c_str(), wanted.c_str(), 0) == 0)
            names.push_back(module);
    if (!names.empty() || !index)
        return names;
    if (index->find(wanted))
        return {module_name_from(wanted)};
    return index->resolve_alias(wanted);
}

std::optional<std::filesystem::path> ModuleTree::file_of(const std::string& name) const
{
    const DepEntry* entry = index ? index->find(name) : nullptr;
    if (!entry)
        return std::nullopt;
    return dir / entry->relpath;
}

std::string ModuleTree::shown_file_of(const std::string& name) const
{
    const DepEntry* entry = index ? index->find(name) : nullptr;
    return entry ? shown_dir + "/" + entry->relpath : std::string();
}

} // namespace ksim::shell::kmod
