// Binds the kernel's export list to addresses in the running process (see kernel_exports.h).
#include "symbols/kernel_exports.h"

#include "symbols/kernel_export_list.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>

namespace ksim {

std::vector<std::string> register_kernel_exports(SymbolTable& table)
{
    std::vector<std::string> missing;
    for (const KernelExport& e : kernel_export_list()) {
        // Exports named like C library functions are versioned (lib/library_export.h).
        void* address = dlvsym(RTLD_DEFAULT, e.name, "KSIM_KERNEL");
        if (!address)
            address = dlsym(RTLD_DEFAULT, e.name);
        Dl_info info;
        void* elf_symbol_entry = nullptr;
        if (!address || !dladdr1(address, &info, &elf_symbol_entry, RTLD_DL_SYMENT)) {
            missing.emplace_back(e.name);
            continue;
        }
        const auto* elf_symbol = static_cast<const ElfW(Sym)*>(elf_symbol_entry);
        bool is_data = elf_symbol && ELF64_ST_TYPE(elf_symbol->st_info) == STT_OBJECT;
        (void)table.add({e.name, reinterpret_cast<uintptr_t>(address), kernel_owner, e.gpl_only, is_data});
    }
    return missing;
}

} // namespace ksim
