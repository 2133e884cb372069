// The kernel's printf engine, Linux's vsnprintf: C conversions (no floating point), %p extensions, WARN_ONCEs.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace ksim {

// Turns an address into "name+0xoff/0xsize [module]" for %pS, or "" when unknown.
using SymbolFormatter = std::function<std::string(uintptr_t address, bool with_offset)>;

// One of lib/vsprintf.c's WARN_ONCE()s fired: its message, and the place Linux
// names in the WARNING line ("lib/vsprintf.c:NNNN function+0x../0x..").
using FormatWarner = std::function<void(const std::string& message, const char* site)>;

struct FormatHooks {
    SymbolFormatter symbols;
    FormatWarner warn;
};

// Linux's vsnprintf: writes at most size bytes (always terminated when size > 0)
// and returns the length the whole text would have. %n and any conversion Linux
// does not know (%f, %j, ...) warn and end the output there; a width or precision
// taken from the arguments that does not fit is clamped with a warning; %s of
// NULL is "(null)" and of an address that cannot be read "(efault)".
int kernel_vsnprintf(char* buf, size_t size, const char* fmt, va_list args, const FormatHooks& hooks);

// The same text as a string, for callers that keep it (seq_file, device names).
std::string kernel_vformat(const char* fmt, va_list args, const FormatHooks& hooks);
std::string kernel_vformat(const char* fmt, va_list args, const SymbolFormatter& symbols);

// The errno name for %pe ("ENOMEM"), or "" if it has none.
const char* errno_name(int error);

} // namespace ksim
