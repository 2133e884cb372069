// printk and the warning helpers, as modules call them.
#include <algorithm>
#include <cstdarg>
#include <cstdio>

#include "core/export.h"
#include "core/kernel.h"
#include "lib/vsprintf.h"
#include "printk/format_hooks.h"

namespace {

void log_stack(ksim::Kernel& kernel)
{
    kernel.log().log(4,
        "CPU: 0 PID: " + std::to_string(kernel.task().pid) + " Comm: " + kernel.task().comm + " "
            + kernel.taint().describe() + " 6.1.0-ksim #1");
    kernel.log().log(4, "Call Trace:");
    kernel.log().log(4, " <TASK>");
    kernel.log().log(4, " dump_stack_lvl+0x44/0x5c");
    kernel.log().log(4, " </TASK>");
}

} // namespace

// Formats into one record's worth of text, as Linux's vprintk_store does: a
// longer message is cut, and a huge field width costs no memory.
KSIM_EXPORT int vprintk(const char* fmt, va_list args)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    char text[ksim::KernelLog::max_line];
    int length = ksim::kernel_vsnprintf(text, sizeof text, fmt, args, ksim::kernel_format_hooks(kernel));
    size_t kept = std::min(static_cast<size_t>(length), sizeof text - 1);
    kernel.log().log(std::string_view(text, kept));
    return static_cast<int>(kept);
}

KSIM_EXPORT int _printk(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vprintk(fmt, args);
    va_end(args);
    return n;
}

KSIM_EXPORT int printk_ratelimit(void)
{
    return 1;
}

KSIM_EXPORT void dump_stack(void)
{
    log_stack(ksim::Kernel::current());
}

// WARN_ON(): a warning with the caller's location, taint W, and execution goes on.
KSIM_EXPORT void __warn_printk(const char* file, int line, const char* function)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    std::string caller = kernel.symbolize(reinterpret_cast<uintptr_t>(__builtin_return_address(0)), true);
    kernel.log().log(4, "------------[ cut here ]------------");
    kernel.log().log(4,
        "WARNING: CPU: 0 PID: " + std::to_string(kernel.task().pid) + " at " + file + ":" + std::to_string(line) + " "
            + (caller.empty() ? function : caller));
    log_stack(kernel);
    kernel.log().log(4, "---[ end trace 0000000000000000 ]---");
    kernel.taint().add(ksim::TaintFlag::Warn, true, kernel.log());
}

// BUG(): Linux executes ud2 and the invalid-opcode trap Oopses; so does ksim.
// This prints report_bug()'s lines; the ud2 follows in the caller (bug.h).
KSIM_EXPORT void __ksim_bug(const char* file, int line)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    kernel.log().log(4, "------------[ cut here ]------------");
    kernel.log().log(2, std::string("kernel BUG at ") + file + ":" + std::to_string(line) + "!");
}
