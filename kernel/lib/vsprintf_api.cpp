// sprintf and friends as modules call them: the kernel's formatter, with Linux's %p extensions and warnings.
#include <climits>
#include <cstdarg>
#include <cstdio>

#include "core/kernel.h"
#include "lib/library_export.h"
#include "printk/format_hooks.h"

KSIM_LIBRARY_EXPORT(vsnprintf) int ksim_lib_vsnprintf(char* buf, size_t size, const char* fmt, va_list args)
{
    return ksim::kernel_vsnprintf(buf, size, fmt, args, ksim::kernel_format_hooks(ksim::Kernel::current()));
}

KSIM_LIBRARY_EXPORT(snprintf) int ksim_lib_snprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = ksim_lib_vsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}

// Linux lets sprintf write "without limit": INT_MAX bytes.
KSIM_LIBRARY_EXPORT(vsprintf) int ksim_lib_vsprintf(char* buf, const char* fmt, va_list args)
{
    return ksim_lib_vsnprintf(buf, INT_MAX, fmt, args);
}

KSIM_LIBRARY_EXPORT(sprintf) int ksim_lib_sprintf(char* buf, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = ksim_lib_vsnprintf(buf, INT_MAX, fmt, args);
    va_end(args);
    return n;
}

KSIM_LIBRARY_EXPORT(vscnprintf) int ksim_lib_vscnprintf(char* buf, size_t size, const char* fmt, va_list args)
{
    return ksim::kernel_vscnprintf(ksim::Kernel::current(), buf, size, fmt, args);
}

KSIM_LIBRARY_EXPORT(scnprintf) int ksim_lib_scnprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = ksim_lib_vscnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}

// The kernel's own entry points; the scanning itself is still the C library's.
KSIM_LIBRARY_EXPORT(vsscanf) int ksim_lib_vsscanf(const char* buf, const char* fmt, va_list args)
{
    return std::vsscanf(buf, fmt, args);
}

KSIM_LIBRARY_EXPORT(sscanf) int ksim_lib_sscanf(const char* buf, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = ksim_lib_vsscanf(buf, fmt, args);
    va_end(args);
    return n;
}
