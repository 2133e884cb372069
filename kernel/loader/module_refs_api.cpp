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
