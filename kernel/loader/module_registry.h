// The list of loaded modules, newest first, as /proc/modules shows them.
#pragma once

#include <mutex>

#include <list>
#include <memory>
#include <string_view>
#include <vector>

#include "loader/module.h"

namespace ksim {

class ModuleRegistry {
public:
    Module& add(std::unique_ptr<Module> module); // becomes the newest
    std::unique_ptr<Module> remove(OwnerId id);
    Module* find(std::string_view name);
    Module* find(OwnerId id);
    Module* find_by_descriptor(const struct module* descriptor);
    // The module whose mapping holds an address (who called kmalloc?).
    OwnerId owner_of_address(uintptr_t address) const;
    Module* module_at(uintptr_t address);
    // Modules that link against this one (its holders), newest first.
    std::vector<const Module*> holders_of(OwnerId id) const;
    const std::list<std::unique_ptr<Module>>& all() const { return m_modules; }
    OwnerId next_id() { return ++m_last_id; }

private:
    // Any task's Oops or kmalloc looks a module up while the shell loads
    // and unloads; the list itself changes only on the shell's thread.
    mutable std::recursive_mutex m_lock;
    std::list<std::unique_ptr<Module>> m_modules;
    OwnerId m_last_id = kernel_owner;
};

} // namespace ksim
