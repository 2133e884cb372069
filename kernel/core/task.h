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
// The same for die()-class Oopses (BUG, invalid opcode, divide error, general
// protection): Linux's die() sends SIGSEGV, "Segmentation fault" (status 139).
constexpr int task_segfaulted = 4096 + 11;

// Whether a system call's error says the calling task died in an Oops.
constexpr bool task_died(int error)
{
    return error == task_killed || error == task_segfaulted;
}
// The shell's exit status for that death: 128 + the signal, as bash reports it.
constexpr int task_death_status(int error)
{
    return 128 + (error - 4096);
}
// What bash prints when a command dies of that signal.
constexpr const char* task_death_message(int error)
{
    return error == task_killed ? "Killed" : "Segmentation fault";
}

} // namespace ksim
