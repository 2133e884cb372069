// delete_module(2), and freeing a module's resources.
#pragma once

#include <string_view>

#include "core/error_or.h"
#include "mm/slab.h"

namespace ksim {

class Kernel;

ErrorOr<void> unload_module(Kernel& kernel, std::string_view name, unsigned flags);

// free_module(): drops the module's exports, references and parameters and
// unmaps it. Memory it kmalloc'd and never freed stays allocated, as on
// Linux, and is accounted to the kernel from then on.
void release_module(Kernel& kernel, OwnerId id);

} // namespace ksim
