// A module's constructors and destructors, run by the kernel under the Oops guard.
#pragma once

#include "core/error_or.h"

namespace ksim {

class Kernel;
struct Module;

// do_mod_ctors(): the module's constructors (C __attribute__((constructor)),
// C++ global objects), in link order, before its init. The SDK's module.lds
// keeps them from the C library's loader. A crash is the task's death.
ErrorOr<void> run_module_ctors(Kernel& kernel, Module& module);

// The module's destructors, last constructed first, after its exit.
ErrorOr<void> run_module_dtors(Kernel& kernel, Module& module);

} // namespace ksim
