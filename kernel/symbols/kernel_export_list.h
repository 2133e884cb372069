// The kernel's own EXPORT_SYMBOL list: the API modules may call. Shared by
// the kernel (which binds the names at boot) and modpost (which writes them
// to the SDK's Module.symvers), so the two cannot disagree.
#pragma once

#include <vector>

namespace ksim {

struct KernelExport {
    const char* name;
    bool gpl_only;
};

// Every name the kernel exports, as Linux exports it (EXPORT_SYMBOL or _GPL).
const std::vector<KernelExport>& kernel_export_list();

} // namespace ksim
