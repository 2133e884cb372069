// delete_module(2) and free_module() (see module_unloader.h).
#include "loader/module_unloader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <tuple>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "loader/module_ctors.h"
#include "loader/params.h"
#include "locking/lockdep.h"

namespace ksim {

namespace {

std::string allocated_by(Kernel& kernel, const Module& module, uintptr_t caller)
{
    std::string where = module.symbolize(caller, true);
    return where.empty() ? kernel.symbolize(caller, true) : where;
}

// Linux frees nothing for a module that forgot to kfree; kmemleak finds such
// blocks later. ksim checks the module's account when it leaves and names
// each leftover block with the code that allocated it.
void report_leaks(Kernel& kernel, const Module& module)
{
    constexpr size_t max_listed = 10;
    auto leaks = kernel.slab().allocations_of(module.id);
    if (leaks.empty())
        return;
    std::sort(leaks.begin(), leaks.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.caller, a.second.requested) < std::tie(b.second.caller, b.second.requested);
    });
    Usage usage = kernel.slab().usage(module.id);
    KernelLog& log = kernel.log();
    log.log(4,
        module.name + ": " + std::to_string(usage.objects) + " kmalloc'd object" + (usage.objects == 1 ? "" : "s")
            + " (" + std::to_string(usage.requested_bytes) + " bytes) not freed at unload");
    for (size_t i = 0; i < leaks.size() && i < max_listed; ++i) {
        char address[32];
        std::snprintf(address, sizeof address, "0x%016lx",
            static_cast<unsigned long>(reinterpret_cast<uintptr_t>(leaks[i].first)));
        log.log(4,
            module.name + ": unreferenced object " + address + " (size " + std::to_string(leaks[i].second.requested)
                + "): allocated by " + allocated_by(kernel, module, leaks[i].second.caller));
    }
    if (leaks.size() > max_listed)
        log.log(4, module.name + ": ... and " + std::to_string(leaks.size() - max_listed) + " more");
}

} // namespace

void release_module(Kernel& kernel, OwnerId id)
{
    // A parameter's free() may be the module's own code: it runs while the
    // kernel still knows the module's memory.
    if (Module* going = kernel.modules().find(id))
        free_module_params(kernel, going->params());
    std::unique_ptr<Module> module = kernel.modules().remove(id);
    if (!module)
        return;
    kernel.symbols().remove_owner(id);
    for (OwnerId provider : module->uses)
        if (Module* p = kernel.modules().find(provider))
            p->refcount--;
    report_leaks(kernel, *module);
    kernel.report_leftovers(module->name, id);
    module->descriptor = nullptr;
    kernel.lockdep().forget_range(module->base, module->base + module->core_size);
    if (!module->library->close())
        kernel.log().log(4, module->name + ": still mapped after unload; its globals will keep their values");
    kernel.slab().reassign(id, kernel_owner);
}

// try_force_unload() of a kernel with CONFIG_MODULE_FORCE_UNLOAD (Debian's
// lacks it): rmmod -f passes O_TRUNC, which taints the kernel R.
bool try_force_unload(Kernel& kernel, unsigned flags)
{
    bool forced = flags & delete_module_force;
    if (forced)
        kernel.taint().add(TaintFlag::ForcedRmmod, true, kernel.log());
    return forced;
}

ErrorOr<void> unload_module(Kernel& kernel, std::string_view name, unsigned flags)
{
    if (!kernel.task().is_root())
        return Errno {EPERM};
    if (name.empty() || name.size() >= MODULE_NAME_LEN)
        return Errno {ENOENT};
    Module* module = kernel.modules().find(name);
    if (!module)
        return Errno {ENOENT};
    if (!kernel.modules().holders_of(module->id).empty())
        return Errno {EWOULDBLOCK};
    if (module->state != ModuleState::Live)
        return Errno {EBUSY};
    // A module with init but no exit can never leave ("[permanent]") unless forced.
    if (module->has_init() && !module->has_exit() && !try_force_unload(kernel, flags))
        return Errno {EBUSY};
    if (module->refcount != 0 && !try_force_unload(kernel, flags))
        return Errno {EWOULDBLOCK};

    module->state = ModuleState::Going;
    if (module->has_exit()) {
        auto ran = kernel.call_module(ModuleFunction(module->descriptor->exit),
            {"__do_sys_delete_module.constprop.0+0x178/0x280", "do_syscall_64+0x58/0xc0",
                "entry_SYSCALL_64_after_hwframe+0x64/0xce"});
        if (ran.is_error())
            return ran;
    }
    if (auto destructed = run_module_dtors(kernel, *module); destructed.is_error())
        return destructed; // the module stays GOING, as after a crash in exit
    release_module(kernel, module->id);
    return {};
}

} // namespace ksim
