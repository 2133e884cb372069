// The task a kernel call runs for: what current->pid, current->comm and permission checks see.
#pragma once

#include <memory>
#include <string>

namespace ksim {

class UserMemory;

struct Task {
    int pid = 1;
    std::string comm = "init";
    unsigned uid = 0;
    std::shared_ptr<UserMemory> mm; // the task's user address space, if it has one

    bool is_root() const { return uid == 0; } // holds CAP_SYS_MODULE, CAP_SYSLOG, ...
};

// Returned instead of an errno when the calling task died in an Oops; the
// shell reports it as "Killed" (status 137), as for a task killed on Linux.
constexpr int task_killed = 4096 + 9;

} // namespace ksim
