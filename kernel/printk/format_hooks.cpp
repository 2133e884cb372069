// The running kernel's hooks for the formatter (see format_hooks.h).
#include "printk/format_hooks.h"

#include "core/kernel.h"

namespace ksim {

FormatHooks kernel_format_hooks(Kernel& kernel)
{
    return FormatHooks {
        [&kernel](uintptr_t address, bool with_offset) { return kernel.symbolize(address, with_offset); },
        [&kernel](const std::string& message, const char* site) {
            if (kernel.log().first_warning(site))
                kernel.warn(message, site);
        },
    };
}

int kernel_vscnprintf(Kernel& kernel, char* buf, size_t size, const char* fmt, va_list args)
{
    int n = kernel_vsnprintf(buf, size, fmt, args, kernel_format_hooks(kernel));
    if (static_cast<size_t>(n) < size)
        return n;
    return size ? static_cast<int>(size - 1) : 0;
}

} // namespace ksim
