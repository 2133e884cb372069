// delete_module(2) and free_module() (see module_unloader.h).
#include "loader/module_unloader.h"

#include <cerrno>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "loader/params.h"

namespace ksim {

void release_module(Kernel& kernel, OwnerId id)
{
    std::unique_ptr<Module> module = kernel.modules().remove(id);
    if (!module)
        return;
    kernel.symbols().remove_owner(id);
    for (OwnerId provider : module->uses)
        if (Module* p = kernel.modules().find(provider))
            p->refcount--;
    free_module_params(module->params());
    module->descriptor = nullptr;
    if (!module->library->close())
        kernel.log().log(4, module->name + ": still mapped after unload; its globals will keep their values");
    kernel.slab().reassign(id, kernel_owner);
}

ErrorOr<void> unload_module(Kernel& kernel, std::string_view name, unsigned)
{
    if (!kernel.task().is_root())
        return Errno{EPERM};
    if (name.empty() || name.size() >= MODULE_NAME_LEN)
        return Errno{ENOENT};
    Module* module = kernel.modules().find(name);
    if (!module)
        return Errno{ENOENT};
    if (!kernel.modules().holders_of(module->id).empty())
        return Errno{EWOULDBLOCK};
    if (module->state != ModuleState::Live)
        return Errno{EBUSY};
    // A module with init but no exit can never leave ("[permanent]"); forcing
    // needs CONFIG_MODULE_FORCE_UNLOAD, which Debian's kernel lacks.
    if (module->has_init() && !module->has_exit())
        return Errno{EBUSY};
    if (module->refcount != 0)
        return Errno{EWOULDBLOCK};

    module->state = ModuleState::Going;
    if (module->has_exit()) {
        void (*exit)(void) = module->descriptor->exit;
        if (!kernel.call_module([exit] { exit(); }, {"__do_sys_delete_module.constprop.0+0x178/0x280",
                                                     "do_syscall_64+0x58/0xc0",
                                                     "entry_SYSCALL_64_after_hwframe+0x64/0xce"}))
            return Errno{task_killed};
    }
    release_module(kernel, module->id);
    return {};
}

}  // namespace ksim
