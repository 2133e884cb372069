// Assembles /proc, /sys and /dev (see kernel_vfs.h).
#include "fs/kernel_vfs.h"

#include "fs/vfs.h"

namespace ksim {

std::unique_ptr<VirtualFs> make_kernel_vfs(Kernel& kernel)
{
    auto vfs = std::make_unique<VirtualFs>();
    populate_procfs(vfs->root().subdirectory("proc"), kernel);
    populate_sysfs(vfs->root().subdirectory("sys"), kernel);
    vfs->root().subdirectory("dev", 0755);
    return vfs;
}

} // namespace ksim
