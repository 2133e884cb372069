// Which module called an API function: registrations and allocations are
// charged to it, for leak and leftover reports at its unload.
#pragma once

#include <cstdint>

#include "core/kernel.h"

namespace ksim {

// `return_address` is __builtin_return_address(0) in the API function.
inline OwnerId caller_owner(void* return_address)
{
    return Kernel::current().modules().owner_of_address(reinterpret_cast<uintptr_t>(return_address));
}

} // namespace ksim
