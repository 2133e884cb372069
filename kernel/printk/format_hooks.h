// What the kernel's formatter needs from the running kernel: symbol names for %pS, and WARN_ONCE.
#pragma once

#include "lib/vsprintf.h"

namespace ksim {

class Kernel;

// %pS names from the kernel's symbols; vsprintf's warnings as WARN_ONCE()s of this boot.
FormatHooks kernel_format_hooks(Kernel& kernel);

// Linux's vscnprintf with those hooks: the bytes written, without the NUL (0 when
// size is 0). For modules' vscnprintf and for kernel code that fills a module's buffer.
int kernel_vscnprintf(Kernel& kernel, char* buf, size_t size, const char* fmt, va_list args);

} // namespace ksim
