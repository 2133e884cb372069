// dump_stack() and the pieces of reports about module code (an Oops, a soft
// lockup): the task's header line, the register block and the call trace, as
// Linux prints them.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/oops_guard.h"

namespace ksim {

class Kernel;

inline constexpr const char* hardware_name_line
    = "Hardware name: ksim educational kernel (one user process), BIOS none";

// "CPU: 0 PID: 42 Comm: insmod Tainted: G O 6.1.0-ksim #1", for the calling task.
std::string task_header_line(Kernel& kernel);
// The same line for any task (a soft lockup's is another thread's).
std::string task_header_line(Kernel& kernel, int cpu, int pid, std::string_view comm);
// The calling thread's call trace as dump_stack() prints it, innermost
// first: module functions and kernel exports, then the kernel's entry points.
std::vector<std::string> call_trace(Kernel& kernel);
// Logs the header, the hardware line and the call trace of the calling
// thread (module functions and kernel exports on the way, then the kernel
// entry points that called into the module), at `level`.
void dump_stack(Kernel& kernel, int level);

// "Call Trace:" inside <TASK>: the module frames of `context`, then the
// kernel functions that called into the module, innermost first.
void log_call_trace(Kernel& kernel, int level, const Fault& context, std::span<const char* const> entry_frames);

} // namespace ksim
