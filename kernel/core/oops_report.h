// The register block of an Oops, as x86's __show_regs(), show_ip() and show_opcodes() print it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace ksim {

class Kernel;

// The kernel-mode state one register block shows.
struct KernelRegisters {
    const uintptr_t* gregs = nullptr; // ucontext gregs of the interrupted code
    uintptr_t cr2 = 0; // the last page-fault address
    uintptr_t fs_base = 0; // the task's user thread pointer; 0 for a kernel thread
    uintptr_t cr3 = 0; // the task's page-table root
    int cpu = 0;
    std::string rip_text; // names RIP when the registers cannot (a kernel function reached by name)
};

// The kernel-mode state of the calling task, for registers it was interrupted with.
KernelRegisters current_registers(Kernel& kernel, const uintptr_t* gregs, uintptr_t cr2);
// The same for a task on another thread (a soft lockup's), whose thread pointer `fs_base` the caller knows.
KernelRegisters task_registers(int pid, int cpu, const uintptr_t* gregs, uintptr_t cr2, uintptr_t fs_base);

// What __show_regs(SHOW_REGS_ALL) prints for kernel mode: RIP and its Code
// line, RSP and EFLAGS, the general registers, FS/GS, CS/CR0, CR2/CR3/CR4.
std::vector<std::string> kernel_register_lines(Kernel& kernel, const KernelRegisters& regs);

// The user-mode registers of the system call the task entered the kernel by,
// which the unwinder prints at the top of the task's stack: RIP: 0033, Code,
// RSP: 002b with ORIG_RAX (the call's number) and the general registers.
// Empty when `frames` (the kernel's entry frames, innermost first) do not
// come from a system call (a kernel thread, a timer).
std::vector<std::string> syscall_entry_lines(Kernel& kernel, std::initializer_list<const char*> frames);

} // namespace ksim
