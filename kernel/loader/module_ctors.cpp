// Constructors and destructors of modules (see module_ctors.h).
#include "loader/module_ctors.h"

#include <initializer_list>
#include <span>

#include "core/kernel.h"
#include "loader/module.h"

namespace ksim {

namespace {

using Constructor = void (*)();

// The function pointers module.lds gathered between __start_<section> and __stop_<section>.
std::span<const Constructor> table(const Module& module, const char* start, const char* stop)
{
    auto* first = static_cast<const Constructor*>(module.library->symbol(start));
    auto* last = static_cast<const Constructor*>(module.library->symbol(stop));
    if (!first || !last || last < first)
        return {};
    return {first, last};
}

ErrorOr<void> run_each(Kernel& kernel, std::span<const Constructor> functions, bool reversed,
    std::initializer_list<const char*> syscall_frames)
{
    for (size_t i = 0; i < functions.size(); ++i) {
        Constructor function = functions[reversed ? functions.size() - 1 - i : i];
        if (auto ran = kernel.call_module(ModuleFunction(function), syscall_frames); ran.is_error())
            return ran;
    }
    return {};
}

} // namespace

ErrorOr<void> run_module_ctors(Kernel& kernel, Module& module)
{
    return run_each(kernel, table(module, "__start_ksim_ctors", "__stop_ksim_ctors"), false,
        {"do_init_module+0x2c/0x200", "__do_sys_finit_module+0x93/0xf0", "do_syscall_64+0x58/0xc0",
            "entry_SYSCALL_64_after_hwframe+0x64/0xce"});
}

ErrorOr<void> run_module_dtors(Kernel& kernel, Module& module)
{
    return run_each(kernel, table(module, "__start_ksim_dtors", "__stop_ksim_dtors"), true,
        {"__do_sys_delete_module.constprop.0+0x180/0x280", "do_syscall_64+0x58/0xc0",
            "entry_SYSCALL_64_after_hwframe+0x64/0xce"});
}

} // namespace ksim
