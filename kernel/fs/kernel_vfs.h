// The builders of the kernel's virtual file trees.
#pragma once

namespace ksim {

class Directory;
class Kernel;

void populate_procfs(Directory& proc, Kernel& kernel);
// /proc/PID for every task, and /proc/self.
void populate_proc_pids(Directory& proc, Kernel& kernel);
void populate_sysfs(Directory& sys, Kernel& kernel);

} // namespace ksim
