// Module parameters: Linux's parse_args() over a module's __param table.
#pragma once

#include <span>
#include <string>

#include <ksim/abi.h>

#include "core/error_or.h"

namespace ksim {

class Kernel;

// Parses "a=1 b=\"x y\" c" into the module's parameters, left to right,
// printing what Linux prints; unknown names only warn. Returns 0 or the
// last -errno, as load_module sees it; or the task's death (task_killed,
// ...) when a parameter's set() Oopsed. Each set() is module code (its
// kernel_param_ops may be the module's own) and runs under the guard.
ErrorOr<int> parse_module_args(
    Kernel& kernel, const std::string& module_name, std::string args, std::span<const kernel_param> params);

// Releases what setting parameters allocated (charp copies), at unload,
// through each parameter's free() under the guard.
void free_module_params(Kernel& kernel, std::span<const kernel_param> params);

} // namespace ksim
