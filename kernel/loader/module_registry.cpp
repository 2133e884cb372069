// The list of loaded modules (see module_registry.h).
#include "loader/module_registry.h"

#include <algorithm>

namespace ksim {

Module& ModuleRegistry::add(std::unique_ptr<Module> module)
{
    std::lock_guard lock(m_lock);
    m_modules.push_front(std::move(module));
    return *m_modules.front();
}

std::unique_ptr<Module> ModuleRegistry::remove(OwnerId id)
{
    std::lock_guard lock(m_lock);
    for (auto it = m_modules.begin(); it != m_modules.end(); ++it) {
        if ((*it)->id == id) {
            auto module = std::move(*it);
            m_modules.erase(it);
            return module;
        }
    }
    return nullptr;
}

Module* ModuleRegistry::find(std::string_view name)
{
    std::lock_guard lock(m_lock);
    for (auto& m : m_modules)
        if (m->name == name)
            return m.get();
    return nullptr;
}

Module* ModuleRegistry::find(OwnerId id)
{
    std::lock_guard lock(m_lock);
    for (auto& m : m_modules)
        if (m->id == id)
            return m.get();
    return nullptr;
}

Module* ModuleRegistry::find_by_descriptor(const struct module* descriptor)
{
    std::lock_guard lock(m_lock);
    for (auto& m : m_modules)
        if (m->descriptor == descriptor)
            return m.get();
    return nullptr;
}

OwnerId ModuleRegistry::owner_of_address(uintptr_t address) const
{
    std::lock_guard lock(m_lock);
    for (const auto& m : m_modules)
        if (m->contains(address))
            return m->id;
    return kernel_owner;
}

Module* ModuleRegistry::module_at(uintptr_t address)
{
    std::lock_guard lock(m_lock);
    for (auto& m : m_modules)
        if (m->contains(address))
            return m.get();
    return nullptr;
}

std::vector<const Module*> ModuleRegistry::holders_of(OwnerId id) const
{
    std::lock_guard lock(m_lock);
    std::vector<const Module*> holders;
    for (const auto& m : m_modules)
        if (std::find(m->uses.begin(), m->uses.end(), id) != m->uses.end())
            holders.push_back(m.get());
    return holders;
}

} // namespace ksim
