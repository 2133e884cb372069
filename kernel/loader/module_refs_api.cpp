// try_module_get() and friends: references that keep a module from being removed.
#include <ksim/abi.h>

#include "core/export.h"
#include "core/kernel.h"

namespace {
ksim::Module* record_of(struct module* descriptor)
{
    return descriptor ? ksim::Kernel::current().modules().find_by_descriptor(descriptor) : nullptr;
}
} // namespace

KSIM_EXPORT bool try_module_get(struct module* descriptor)
{
    if (!descriptor)
        return true; // built-in code (THIS_MODULE is NULL there) always succeeds
    ksim::Module* m = record_of(descriptor);
    if (!m || m->state != ksim::ModuleState::Live)
        return false;
    m->refcount++;
    return true;
}

KSIM_EXPORT void __module_get(struct module* descriptor)
{
    if (ksim::Module* m = record_of(descriptor))
        m->refcount++;
}

KSIM_EXPORT void module_put(struct module* descriptor)
{
    ksim::Module* m = record_of(descriptor);
    if (!m)
        return;
    if (m->refcount == 0) {
        ksim::Kernel::current().log().log(4, "module_put: " + m->name + ": reference count already zero");
        return;
    }
    m->refcount--;
}

KSIM_EXPORT int module_refcount(struct module* descriptor)
{
    ksim::Module* m = record_of(descriptor);
    return m ? m->refcount : 0;
}

// symbol_get(): an export's address, found at run time, holding a reference
// on its module until symbol_put(); NULL when nothing exports the name or
// its module is still loading or going away.
KSIM_EXPORT void* __symbol_get(const char* name)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    const ksim::ExportedSymbol* symbol = kernel.symbols().find(name);
    if (!symbol)
        return nullptr;
    if (symbol->owner != ksim::kernel_owner) {
        ksim::Module* owner = kernel.modules().find(symbol->owner);
        if (!owner || owner->state != ksim::ModuleState::Live)
            return nullptr;
        owner->refcount++;
    }
    return reinterpret_cast<void*>(symbol->address);
}

extern "C" void __ksim_bug(const char* file, int line);

KSIM_EXPORT void __symbol_put(const char* name)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    const ksim::ExportedSymbol* symbol = kernel.symbols().find(name);
    if (!symbol) {
        __ksim_bug("kernel/module/main.c", 823); // Linux BUG()s on a name nobody exports
        __builtin_trap();
    }
    if (ksim::Module* owner = kernel.modules().find(symbol->owner))
        module_put(const_cast<struct module*>(owner->descriptor));
}
