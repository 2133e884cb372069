// depmod's dependency calculation and index files (see depmod_index.h).
#include "shell/kmod/depmod_index.h"

#include "shell/kmod/binary_index.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

namespace ksim::shell::kmod {

namespace {

using Graph = std::vector<std::vector<size_t>>; // direct dependencies, by module index

// Kahn's topological sort with a stack, so that a module sorts before the
// modules it depends on; ties follow kmod's order (last root first).
// Returns each module's position, or nothing for modules in a cycle.
std::vector<std::optional<size_t>> sort_positions(const Graph& deps)
{
    std::vector<size_t> users(deps.size(), 0);
    for (const auto& list : deps)
        for (size_t d : list)
            ++users[d];
    std::vector<size_t> roots;
    for (size_t i = 0; i < deps.size(); ++i)
        if (users[i] == 0)
            roots.push_back(i);
    std::vector<std::optional<size_t>> position(deps.size());
    size_t sorted = 0;
    while (!roots.empty()) {
        size_t m = roots.back();
        roots.pop_back();
        position[m] = sorted++;
        for (size_t d : deps[m])
            if (--users[d] == 0)
                roots.push_back(d);
    }
    return position;
}

std::vector<std::string> describe_cycles(
    const std::vector<ModuleFile>& modules, const Graph& deps, const std::vector<std::optional<size_t>>& position)
{
    std::vector<std::string> errors;
    size_t in_cycles = std::count(position.begin(), position.end(), std::nullopt);
    errors.push_back("Found " + std::to_string(in_cycles) + " modules in dependency cycles!");
    std::vector<int> state(modules.size(), 0); // 0 new, 1 on the path, 2 done
    std::vector<size_t> path;
    std::function<void(size_t)> visit = [&](size_t m) {
        state[m] = 1;
        path.push_back(m);
        for (size_t d : deps[m]) {
            if (state[d] == 1) {
                std::string text;
                for (auto it = std::find(path.begin(), path.end(), d); it != path.end(); ++it)
                    text += modules[*it].name + " -> ";
                errors.push_back("Cycle detected: " + text + modules[d].name);
            } else if (state[d] == 0 && !position[d]) {
                visit(d);
            }
        }
        path.pop_back();
        state[m] = 2;
    };
    for (size_t m = 0; m < modules.size(); ++m)
        if (!position[m] && state[m] == 0)
            visit(m);
    return errors;
}

// All dependencies of m, each once, in sort order: nearest first, so that
// modprobe loads them from the end of the list.
std::vector<size_t> all_dependencies(size_t m, const Graph& deps, const std::vector<std::optional<size_t>>& position)
{
    std::vector<size_t> all;
    std::function<void(size_t)> collect = [&](size_t from) {
        for (size_t d : deps[from])
            if (std::find(all.begin(), all.end(), d) == all.end()) {
                all.push_back(d);
                collect(d);
            }
    };
    collect(m);
    std::sort(all.begin(), all.end(), [&](size_t a, size_t b) { return position[a] < position[b]; });
    return all;
}

std::string devname_line(const ModuleFile& module)
{
    std::string devname;
    char type = 0;
    unsigned major = 0, minor = 0;
    for (const auto& [key, value] : module.modinfo) {
        if (key != "alias")
            continue;
        unsigned maj, min;
        if (value.starts_with("devname:"))
            devname = value.substr(8);
        else if (std::sscanf(value.c_str(), "char-major-%u-%u", &maj, &min) == 2)
            type = 'c', major = maj, minor = min;
        else if (std::sscanf(value.c_str(), "block-major-%u-%u", &maj, &min) == 2)
            type = 'b', major = maj, minor = min;
    }
    if (devname.empty() || !type)
        return {};
    return module.name + " " + devname + " " + type + std::to_string(major) + ":" + std::to_string(minor) + "\n";
}

} // namespace

DepmodResult build_depmod_indexes(
    const std::vector<ModuleFile>& modules, const std::set<std::string>& kernel_symbols, bool warn_unknown_symbols)
{
    DepmodResult result;
    std::map<std::string, size_t> owner;
    for (size_t i = 0; i < modules.size(); ++i)
        for (const std::string& symbol : modules[i].exports)
            owner.try_emplace(symbol, i);

    Graph deps(modules.size());
    for (size_t i = 0; i < modules.size(); ++i) {
        for (const std::string& symbol : modules[i].needed) {
            auto found = owner.find(symbol);
            if (found == owner.end()) {
                if (warn_unknown_symbols && !kernel_symbols.contains(symbol))
                    result.warnings.push_back(modules[i].relpath + " needs unknown symbol " + symbol);
                continue;
            }
            size_t d = found->second;
            if (d != i && std::find(deps[i].begin(), deps[i].end(), d) == deps[i].end())
                deps[i].push_back(d);
        }
    }
    std::vector<std::optional<size_t>> position = sort_positions(deps);
    if (std::count(position.begin(), position.end(), std::nullopt) > 0) {
        result.errors = describe_cycles(modules, deps, position);
        return result;
    }

    // The binary twins of modules.dep, .alias and .symbols, which libkmod
    // reads; a module's priority is its place in the list (modules.order first).
    BinaryIndex dep_bin, alias_bin, symbols_bin;
    std::string dep, alias = "# Aliases extracted from modules themselves.\n",
                     softdep = "# Soft dependencies extracted from modules themselves.\n",
                     symbols = "# Aliases for symbols, used by symbol_request().\n", devname;
    for (size_t i = 0; i < modules.size(); ++i) {
        const ModuleFile& m = modules[i];
        auto priority = static_cast<uint32_t>(i);
        std::string line = m.relpath + ":";
        for (size_t d : all_dependencies(i, deps, position))
            line += " " + modules[d].relpath;
        dep += line + "\n";
        dep_bin.insert(m.name, line, priority);
        for (const auto& [key, value] : m.modinfo) {
            if (key == "alias") {
                alias += "alias " + value + " " + m.name + "\n";
                alias_bin.insert(alias_key(value), m.name, priority);
            } else if (key == "softdep") {
                softdep += "softdep " + m.name + " " + value + "\n";
            }
        }
        for (const std::string& symbol : m.exports) {
            symbols += "alias symbol:" + symbol + " " + m.name + "\n";
            if (owner.at(symbol) == i)
                symbols_bin.insert("symbol:" + symbol, m.name, priority);
        }
        devname += devname_line(m);
    }
    // kmod writes the devname header only above a first entry.
    if (!devname.empty())
        devname = "# Device nodes to trigger on-demand module loading.\n" + devname;
    // ksim has no built-in modules: their indexes are empty tries.
    result.files = {{"modules.dep", dep}, {"modules.dep.bin", dep_bin.serialize()}, {"modules.alias", alias},
        {"modules.alias.bin", alias_bin.serialize()}, {"modules.softdep", softdep}, {"modules.symbols", symbols},
        {"modules.symbols.bin", symbols_bin.serialize()}, {"modules.builtin.bin", BinaryIndex().serialize()},
        {"modules.builtin.alias.bin", BinaryIndex().serialize()}, {"modules.devname", devname}};
    return result;
}

} // namespace ksim::shell::kmod
