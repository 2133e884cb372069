// Sampling a task that runs module code from another thread, as the timer
// interrupt sees the task it interrupts: its registers and the module
// functions it is in. The soft-lockup watchdog shows where a task spins.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/oops_guard.h"

namespace ksim {

class Kernel;
class KernelTask;

// What a signal handler on the task's own thread copied: plain data, it
// allocates nothing.
struct TaskSample {
    static constexpr size_t max_entry_frames = 8;
    Fault context; // the registers, and (after sample_task) the module frames; CR2 stays 0
    const char* entry_frames[max_entry_frames] = {}; // the kernel functions that called into the module
    size_t entry_frame_count = 0;
    uintptr_t stack_top = 0; // the word at RSP
};

// Installs the handler; once, before the first sample.
void install_task_sampling();

// Interrupts the task's thread and fills `out`: its registers and the
// module functions of its frame-pointer chain, innermost first. False if the
// task is not in module code or its thread did not answer in time.
bool sample_task(Kernel& kernel, KernelTask& task, TaskSample& out);

} // namespace ksim
