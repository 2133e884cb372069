// The kernel's printf engine: C conversions plus Linux's %p extensions.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <functional>
#include <string>

namespace ksim {

// Turns an address into "name+0xoff/0xsize [module]" for %pS, or "" when unknown.
using SymbolFormatter = std::function<std::string(uintptr_t address, bool with_offset)>;

// Formats like Linux's vsnprintf: %p prints a hashed pointer, %px the raw
// value, %pS/%ps a symbol, %pe an errno name; %s of NULL is "(null)".
std::string kernel_vformat(const char* fmt, va_list args, const SymbolFormatter& symbols);

// The errno name for %pe ("ENOMEM"), or "" if it has none.
const char* errno_name(int error);

} // namespace ksim
