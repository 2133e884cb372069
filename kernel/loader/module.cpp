// A loaded module (see module.h).
#include "loader/module.h"

#include <cstdio>

namespace ksim {

const char* proc_state_name(ModuleState state)
{
    switch (state) {
    case ModuleState::Live:
        return "Live";
    case ModuleState::Coming:
        return "Loading";
    case ModuleState::Going:
        return "Unloading";
    case ModuleState::Unformed:
        break;
    }
    return "";
}

const char* sysfs_state_name(ModuleState state)
{
    switch (state) {
    case ModuleState::Live:
        return "live";
    case ModuleState::Coming:
        return "coming";
    case ModuleState::Going:
        return "going";
    case ModuleState::Unformed:
        break;
    }
    return "";
}

std::span<const kernel_param> Module::params() const
{
    if (!descriptor || !descriptor->kp_start || descriptor->kp_stop <= descriptor->kp_start)
        return {};
    return {descriptor->kp_start, descriptor->kp_stop};
}

std::string Module::symbolize(uintptr_t address, bool with_offset) const
{
    if (!contains(address))
        return "";
    uint64_t offset = address - base;
    const ElfSymbol* best = nullptr;
    for (const ElfSymbol& s : symbols) {
        if (s.type != 't' && s.type != 'w')
            continue;
        if (s.value <= offset && (!best || s.value > best->value))
            best = &s;
    }
    if (!best)
        return "";
    if (!with_offset)
        return best->name;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "+0x%lx/0x%lx", static_cast<unsigned long>(offset - best->value),
        static_cast<unsigned long>(best->size ? best->size : offset - best->value + 1));
    return best->name + buffer + " [" + name + "]";
}

} // namespace ksim
