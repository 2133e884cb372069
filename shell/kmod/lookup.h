// kmod_module_new_from_lookup(): what a name given to modprobe or modinfo
// stands for, and the module directory and configuration it is looked up in.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shell/kmod/modprobe_config.h"
#include "shell/kmod/module_index.h"

namespace ksim::shell {
class Shell;
}

namespace ksim::shell::kmod {

struct ModuleTree {
    std::filesystem::path dir; // host folder of /lib/modules/<release>
    std::string shown_dir; // "/lib/modules/<release>", as messages print it
    std::optional<ModuleIndex> index;
    ModprobeConfig config;

    // `root` is kmod's -d DIR (a folder playing "/"); `config_file` its -C.
    static ModuleTree open(const Shell& shell, const std::string& root = {}, const std::string& config_file = {});

    // Module names for a name or alias, in kmod's order: aliases from the
    // configuration, a module of that name in modules.dep, then
    // modules.symbols and modules.alias.
    std::vector<std::string> lookup(const std::string& name) const;
    // The host path and the shown path of a module's file, from modules.dep.
    std::optional<std::filesystem::path> file_of(const std::string& name) const;
    std::string shown_file_of(const std::string& name) const;
};

} // namespace ksim::shell::kmod
