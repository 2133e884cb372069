// Runs module code so that a crash in it becomes an Oops report instead of killing ksim.
#pragma once

#include <csignal>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>

namespace ksim {

// What the CPU reported when module code faulted. Filled in by a signal
// handler, so it is plain fixed-size data: the handler allocates nothing.
struct Fault {
    static constexpr size_t max_frames = 32;

    int signal = 0;
    uintptr_t address = 0; // the faulting data address (CR2)
    uintptr_t error_code = 0; // the page-fault error code, user bit cleared
    uintptr_t trap = 0; // 14 page fault, 13 general protection, 6 invalid opcode, 0 divide
    uintptr_t registers[23] = {}; // ucontext gregs, for the register dump
    uintptr_t frames[max_frames] = {}; // return addresses, innermost first
    size_t frame_count = 0;
    // The access hit the guard gap below the stack: the stack overflowed.
    bool stack_guard_hit = false;
    uintptr_t stack_low = 0, stack_high = 0; // the stack it overflowed

    // Linux's die() (BUG, invalid opcode, divide error, general protection)
    // kills the task with SIGSEGV; a page-fault Oops kills it with SIGKILL.
    // A stack overflow is handle_stack_overflow()'s die("stack guard page").
    bool is_die_class() const { return stack_guard_hit || !(signal == SIGBUS || (signal == SIGSEGV && trap == 14)); }
};

// Calls `code` with SIGSEGV, SIGBUS, SIGFPE and SIGILL caught on an
// alternate stack; on a fault, control jumps back here and the fault is
// returned. Faults outside a guarded call keep their default action, so a
// bug in ksim itself still crashes loudly. Guards nest: module code that
// calls back into the kernel, which runs other module code under its own
// guard, is guarded again when that call returns.
std::optional<Fault> run_guarded(const std::function<void()>& code);

// The registers and the frame-pointer chain of the code a signal
// interrupted on the calling thread, inside a guarded call: what the timer
// interrupt sees of a task that spins (the soft-lockup watchdog's sample).
// `stack_top` is the word at RSP: the return address, if the interrupted
// function keeps no frame of its own. Async-signal-safe; `ucontext` is the
// handler's third argument.
void capture_interrupted_context(const void* ucontext, Fault& into, uintptr_t& stack_top);

// How many guards the calling thread is inside, and leaving the inner ones
// when control jumped out of them (kthread_exit() ends a thread from deep
// inside its function, as Linux's do_exit() never returns).
int guard_depth();
void leave_guards(int depth);

} // namespace ksim
