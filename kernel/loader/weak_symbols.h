// Weak undefined symbols as Linux resolves them: a kernel or module export, or 0.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "loader/elf_dynamic.h"

namespace ksim {

// simplify_symbols() sets a weak reference nothing exports to 0. glibc would
// instead bind it to whatever the ksim process defines (abort, write, system
// from the C library), so in the private copy dlopen maps, each such symbol
// becomes a local absolute 0: glibc binds a local symbol to itself without
// any lookup. `names` are the weak references the kernel could not resolve.
void bind_weak_symbols_to_zero(
    std::span<std::byte> image, const DynamicLayout& layout, const std::vector<std::string>& names);

} // namespace ksim
