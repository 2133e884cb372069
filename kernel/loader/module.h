// A loaded module as the kernel tracks it: state, metadata, mapping, references.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <ksim/abi.h>

#include "loader/dynamic_library.h"
#include "loader/elf_image.h"
#include "loader/modinfo.h"
#include "mm/slab.h"

namespace ksim {

enum class ModuleState { Live = 0, Coming = 1, Going = 2, Unformed = 3 };

// "Live" / "Loading" / "Unloading", as /proc/modules prints them.
const char* proc_state_name(ModuleState state);
// "live" / "coming" / "going", as /sys/module/M/initstate prints them.
const char* sysfs_state_name(ModuleState state);

struct Module {
    OwnerId id = 0;
    std::string name;
    std::string path;
    ModuleState state = ModuleState::Unformed;
    ModInfo modinfo;
    unsigned long taints = 0;
    std::unique_ptr<DynamicLibrary> library;
    const struct module* descriptor = nullptr;
    uintptr_t base = 0;
    size_t core_size = 0;
    std::vector<ElfSymbol> symbols;
    int refcount = 0; // module_refcount(): references beyond the base one
    std::vector<OwnerId> uses; // modules whose exports this one links against
    bool init_done = false; // .init symbols gone from kallsyms

    std::span<const kernel_param> params() const;
    bool has_init() const { return descriptor && descriptor->init; }
    bool has_exit() const { return descriptor && descriptor->exit; }
    bool contains(uintptr_t address) const { return address >= base && address < base + core_size; }
    // "name+0x1f/0x40" for an address inside the module, or "" if no symbol covers it.
    std::string symbolize(uintptr_t address, bool with_offset) const;
};

} // namespace ksim
