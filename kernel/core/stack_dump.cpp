// dump_stack() (see stack_dump.h).
#include "core/stack_dump.h"

#include <execinfo.h>
#include <ucontext.h>

#include <cstdio>

#include "core/kernel.h"
#include "sched/scheduler.h"

namespace ksim {

std::string task_header_line(Kernel& kernel)
{
    KernelTask* task = Scheduler::current();
    const Task& who = kernel.task();
    return task_header_line(kernel, task ? task->abi().cpu : 0, who.pid, who.comm);
}

std::string task_header_line(Kernel& kernel, int cpu, int pid, std::string_view comm)
{
    return "CPU: " + std::to_string(cpu) + " PID: " + std::to_string(pid) + " Comm: " + std::string(comm.substr(0, 15))
        + " " + kernel.taint().describe() + " 6.1.0-ksim #1";
}

std::vector<std::string> call_trace(Kernel& kernel)
{
    std::vector<std::string> trace;
    // The unwinder reads .eh_frame, so it crosses ksim's own functions,
    // which have no frame pointers; only names a module could see are shown.
    void* frames[48];
    int count = backtrace(frames, 48);
    bool in_module = false;
    for (int i = 1; i < count; ++i) {
        auto address = reinterpret_cast<uintptr_t>(frames[i]) - 1; // inside the call instruction
        bool module = kernel.modules().module_at(address) != nullptr;
        if (in_module && !module)
            break; // below the module's frames: the kernel's entry, named next
        in_module = in_module || module;
        if (!module && !kernel.in_kernel_image(address))
            continue; // the C library's frames
        std::string name = kernel.symbolize(address + 1, true);
        if (!name.empty() && !name.starts_with("_Z"))
            trace.push_back(std::move(name));
    }
    if (KernelTask* task = Scheduler::current(); task && task->module_code.innermost.load())
        for (const char* frame : task->module_code.innermost.load()->entry_frames())
            trace.emplace_back(frame);
    return trace;
}

void dump_stack(Kernel& kernel, int level)
{
    KernelLog& log = kernel.log();
    log.log(level, task_header_line(kernel));
    log.log(level, hardware_name_line);
    log.log(level, "Call Trace:");
    log.log(level, " <TASK>");
    log.log(level, " dump_stack_lvl+0x44/0x5c");
    for (const std::string& frame : call_trace(kernel))
        log.log(level, " " + frame);
    log.log(level, " </TASK>");
}

void log_call_trace(Kernel& kernel, int level, const Fault& context, std::span<const char* const> entry_frames)
{
    KernelLog& log = kernel.log();
    log.log(level, "Call Trace:");
    log.log(level, " <TASK>");
    for (size_t i = 0; i < context.frame_count; ++i) {
        uintptr_t frame = context.frames[i];
        std::string name = kernel.symbolize(frame, true);
        if (name.empty() || !kernel.modules().module_at(frame))
            break; // leaving module code: the kernel frames follow
        log.log(level, " " + name);
    }
    for (const char* frame : entry_frames)
        log.log(level, std::string(" ") + frame);
    log.log(level, " </TASK>");
}

} // namespace ksim
