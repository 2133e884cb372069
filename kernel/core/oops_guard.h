// Runs module code so that a crash in it becomes an Oops report instead of killing ksim.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace ksim {

// What the CPU reported when module code faulted.
struct Fault {
    int signal = 0;
    uintptr_t address = 0; // the faulting data address (CR2)
    uintptr_t error_code = 0; // the page-fault error code, user bit cleared
    uintptr_t trap = 0; // 14 page fault, 13 general protection, 6 invalid opcode, 0 divide
    uintptr_t registers[23] = {}; // ucontext gregs, for the register dump
    std::vector<uintptr_t> frames; // return addresses found by walking frame pointers
};

// Calls `code` with SIGSEGV, SIGBUS, SIGFPE and SIGILL caught on an
// alternate stack; on a fault, control jumps back here and the fault is
// returned. Faults outside a guarded call keep their default action, so a
// bug in ksim itself still crashes loudly. Not reentrant.
std::optional<Fault> run_guarded(const std::function<void()>& code);

} // namespace ksim
