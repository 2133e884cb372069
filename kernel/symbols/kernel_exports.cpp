// The kernel's own EXPORT_SYMBOL list (see kernel_exports.h).
#include "symbols/kernel_exports.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>

namespace ksim {

const std::vector<KernelExport>& kernel_export_list()
{
    // Most of the string and sprintf family are served by the C library,
    // whose behaviour matches the kernel's for everything but %p
    // extensions; the rest are ksim's own (kernel/lib, kernel/mm, ...).
    static const std::vector<KernelExport> list = {
        // printk
        {"_printk", false}, {"vprintk", false}, {"printk_ratelimit", false}, {"dump_stack", false},
        {"__warn_printk", false}, {"__ksim_bug", false},
        // kmalloc
        {"__kmalloc", false}, {"krealloc", false}, {"kfree", false}, {"kfree_sensitive", false},
        {"ksize", false}, {"kstrdup", false}, {"kstrndup", false}, {"kmemdup", false}, {"kasprintf", false},
        // module references
        {"try_module_get", false}, {"module_put", false}, {"__module_get", false}, {"module_refcount", false},
        // parameters
        {"param_ops_byte", false}, {"param_ops_short", false}, {"param_ops_ushort", false},
        {"param_ops_int", false}, {"param_ops_uint", false}, {"param_ops_long", false},
        {"param_ops_ulong", false}, {"param_ops_ullong", false}, {"param_ops_hexint", false},
        {"param_ops_charp", false}, {"param_ops_bool", false}, {"param_ops_invbool", false},
        {"param_ops_string", false}, {"param_array_ops", false},
        {"param_set_byte", false}, {"param_get_byte", false}, {"param_set_short", false},
        {"param_get_short", false}, {"param_set_ushort", false}, {"param_get_ushort", false},
        {"param_set_int", false}, {"param_get_int", false}, {"param_set_uint", false},
        {"param_get_uint", false}, {"param_set_long", false}, {"param_get_long", false},
        {"param_set_ulong", false}, {"param_get_ulong", false}, {"param_set_ullong", false},
        {"param_get_ullong", false}, {"param_set_hexint", false}, {"param_get_hexint", false},
        {"param_set_charp", false}, {"param_get_charp", false}, {"param_set_bool", false},
        {"param_get_bool", false}, {"param_set_invbool", false}, {"param_get_invbool", false},
        // numbers
        {"kstrtoull", false}, {"kstrtoll", false}, {"kstrtoul", false}, {"kstrtol", false},
        {"kstrtouint", false}, {"kstrtoint", false}, {"kstrtou16", false}, {"kstrtos16", false},
        {"kstrtou8", false}, {"kstrtos8", false}, {"kstrtobool", false}, {"simple_strtoull", false},
        {"simple_strtoul", false}, {"simple_strtol", false}, {"simple_strtoll", false},
        // formatting
        {"sprintf", false}, {"vsprintf", false}, {"snprintf", false}, {"vsnprintf", false},
        {"scnprintf", false}, {"vscnprintf", false}, {"sscanf", false}, {"vsscanf", false},
        // strings and memory
        {"memcpy", false}, {"memmove", false}, {"memset", false}, {"memcmp", false}, {"memchr", false},
        {"memscan", false}, {"strlen", false}, {"strnlen", false}, {"strcpy", false}, {"strncpy", false},
        {"strlcpy", false}, {"strscpy", false}, {"strcat", false}, {"strncat", false}, {"strlcat", false},
        {"strcmp", false}, {"strncmp", false}, {"strcasecmp", false}, {"strncasecmp", false},
        {"strchr", false}, {"strrchr", false}, {"strnchr", false}, {"strstr", false}, {"strpbrk", false},
        {"strsep", false}, {"strspn", false}, {"strcspn", false}, {"skip_spaces", false}, {"strim", false},
        {"sysfs_streq", false}, {"match_string", false},
    };
    return list;
}

std::vector<std::string> register_kernel_exports(SymbolTable& table)
{
    std::vector<std::string> missing;
    for (const KernelExport& e : kernel_export_list()) {
        void* address = dlsym(RTLD_DEFAULT, e.name);
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

}  // namespace ksim
