// The module descriptor's tables, checked before the kernel walks them.
#pragma once

#include <cstdint>

#include <ksim/abi.h>

#include "loader/elf_dynamic.h"

namespace ksim {

// Linux finds __param and __ksymtab as sections it validated; ksim reaches
// them through pointers in __this_module, which a corrupt relocation could
// aim anywhere. True when the descriptor and each table lie inside the
// module's own segments, tables are whole entries, and every name in them is
// a string that ends inside the module.
bool descriptor_is_sound(const struct module* descriptor, uintptr_t base, const DynamicLayout& layout);

} // namespace ksim
