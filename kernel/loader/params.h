// Module parameters: Linux's parse_args() over a module's __param table.
#pragma once

#include <span>
#include <string>

#include <ksim/abi.h>

namespace ksim {

class KernelLog;

// Parses "a=1 b=\"x y\" c" into the module's parameters, left to right,
// printing what Linux prints; unknown names only warn. Returns 0 or the
// last -errno, as load_module sees it. `args` is consumed (NULs written in).
int parse_module_args(
    KernelLog& log, const std::string& module_name, std::string args, std::span<const kernel_param> params);

// Releases what setting parameters allocated (charp copies), at unload.
void free_module_params(std::span<const kernel_param> params);

} // namespace ksim
