// The modprobe.d configuration: alias, options, softdep and blacklist lines.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ksim::shell::kmod {

struct ModprobeConfig {
    std::vector<std::pair<std::string, std::string>> aliases; // wildcard, module name
    std::map<std::string, std::string> options; // module name -> "a=1 b=2"
    std::map<std::string, std::string> softdeps; // module name -> "pre: x post: y"
    std::set<std::string> blacklist;
    std::vector<std::string> warnings; // lines kmod would ignore, in its words

    // The option string of a module: every `options` line for it, in order.
    std::string options_of(const std::string& name) const;
};

// Reads the given files, and every *.conf file (in name order) of the given
// directories, as kmod reads /etc/modprobe.d. `shown_as` maps a host path
// back to the path a learner sees, for warnings.
ModprobeConfig read_modprobe_config(const std::vector<std::filesystem::path>& sources,
    const std::function<std::string(const std::filesystem::path&)>& shown_as);

} // namespace ksim::shell::kmod
