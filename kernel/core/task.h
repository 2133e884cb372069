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

// Returned instead of an errno when the calling task died of a signal: in
// an Oops, or of a signal whose default action ends a process. The shell
// reports it as bash does ("Killed", status 137).
constexpr int died_of_signal(int signal)
{
    return 4096 + signal;
}
// An Oops kills the task with SIGKILL; die()-class Oopses (BUG, invalid
// opcode, divide error, general protection) with SIGSEGV, as Linux's die().
constexpr int task_killed = died_of_signal(9);
constexpr int task_segfaulted = died_of_signal(11);

// Whether a system call's error says the calling task died.
constexpr bool task_died(int error)
{
    return error > 4096 && error < 4096 + 65;
}
// The shell's exit status for that death: 128 + the signal, as bash reports it.
constexpr int task_death_status(int error)
{
    return 128 + (error - 4096);
}
// What bash prints when a command dies of that signal (nothing for SIGINT:
// the terminal showed ^C).
constexpr const char* task_death_message(int error)
{
    switch (error - 4096) {
    case 1:
        return "Hangup";
    case 2:
        return "";
    case 9:
        return "Killed";
    case 11:
        return "Segmentation fault";
    case 14:
        return "Alarm clock";
    case 15:
        return "Terminated";
    default:
        return "Killed";
    }
}

} // namespace ksim
