// Runs module code under a fault guard (see oops_guard.h).
#include "core/oops_guard.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <ucontext.h>

#include <memory>
#include <mutex>

namespace ksim {

namespace {

// A synchronous fault is delivered to the thread that faulted, so each
// thread (each task) has its own guard state, in thread-local storage the
// handler reaches without a lock (the executable's TLS is static). The jump
// buffers live here rather than on the stack, so a module that overflows a
// buffer on its stack cannot corrupt the way back. Nested guards take the
// next slot; past the last one an inner call stays covered by the innermost
// guard there is.
constexpr int max_depth = 64;
// Large enough for the handler after a module overflowed its stack.
constexpr size_t alternate_stack_size = 1 << 16;
struct GuardState {
    sigjmp_buf jumps[max_depth];
    int depth = 0; // guards entered and not yet left
    Fault fault;
    uintptr_t stack_low = 0;
    uintptr_t stack_high = 0;
    bool ready = false; // this thread's alternate stack and bounds are set
    std::unique_ptr<char[]> alternate_stack;

    ~GuardState()
    {
        if (!alternate_stack)
            return;
        stack_t off {};
        off.ss_flags = SS_DISABLE;
        sigaltstack(&off, nullptr);
    }
};
thread_local GuardState g_guard;

constexpr int guarded_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};

bool on_stack(uintptr_t address, size_t bytes)
{
    return address >= g_guard.stack_low && address + bytes <= g_guard.stack_high && !(address & 7);
}

void add_frame(Fault& into, uintptr_t return_address)
{
    if (into.frame_count < Fault::max_frames)
        into.frames[into.frame_count++] = return_address;
}

// Walks the frame-pointer chain. Every pointer is checked against the
// thread's stack before it is read, so a smashed frame ends the walk instead
// of faulting in the handler.
void record_frames(const greg_t* gregs, bool jumped_to_bad_address, Fault& into)
{
    into.frame_count = 0;
    // A call through a bad pointer faults before the callee pushed a frame:
    // the caller is the return address on top of the stack.
    auto rsp = static_cast<uintptr_t>(gregs[REG_RSP]);
    if (jumped_to_bad_address && on_stack(rsp, 8))
        add_frame(into, *reinterpret_cast<const uintptr_t*>(rsp));
    auto frame = static_cast<uintptr_t>(gregs[REG_RBP]);
    while (into.frame_count < Fault::max_frames && on_stack(frame, 16)) {
        auto* words = reinterpret_cast<const uintptr_t*>(frame);
        if (words[1] == 0)
            break;
        add_frame(into, words[1]);
        if (words[0] <= frame)
            break;
        frame = words[0];
    }
}

// Async-signal-safe: it writes static storage and jumps; no allocation, no lock.
void on_fault(int signal, siginfo_t* info, void* context)
{
    if (g_guard.depth == 0) {
        // Not module code: let the process die as it would have.
        ::signal(signal, SIG_DFL);
        raise(signal);
        return;
    }
    auto* uc = static_cast<ucontext_t*>(context);
    const greg_t* gregs = uc->uc_mcontext.gregs;
    Fault& fault = g_guard.fault;
    fault.signal = signal;
    fault.address = reinterpret_cast<uintptr_t>(info->si_addr);
    fault.error_code = static_cast<uintptr_t>(gregs[REG_ERR]) & ~uintptr_t {4};
    fault.trap = static_cast<uintptr_t>(gregs[REG_TRAPNO]);
    for (int i = 0; i < 23; ++i)
        fault.registers[i] = static_cast<uintptr_t>(gregs[i]);
    // A fault near the bottom of the stack is the stack running out. The
    // bottom is known within the size of the environment above the stack's
    // top (rlimit counts from there), so the window is the gap Linux keeps
    // under a stack (stack_guard_gap, 256 pages) on both sides.
    constexpr uintptr_t guard_gap = 256 * 4096;
    fault.stack_guard_hit = signal == SIGSEGV && fault.address + guard_gap >= g_guard.stack_low
        && fault.address < g_guard.stack_low + guard_gap;
    fault.stack_low = g_guard.stack_low;
    fault.stack_high = g_guard.stack_high;
    bool bad_jump = signal == SIGSEGV && fault.address == static_cast<uintptr_t>(gregs[REG_RIP]);
    if (bad_jump)
        fault.error_code |= 0x10; // an instruction fetch
    record_frames(gregs, bad_jump, fault);
    int slot = g_guard.depth < max_depth ? g_guard.depth : max_depth;
    siglongjmp(g_guard.jumps[slot - 1], 1);
}

void install_handlers()
{
    static std::once_flag handlers;
    std::call_once(handlers, [] {
        struct sigaction action { };
        action.sa_sigaction = on_fault;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        for (int signal : guarded_signals)
            sigaction(signal, &action, nullptr);
    });
    if (g_guard.ready)
        return;
    g_guard.ready = true;
    // The alternate stack is per thread, like the guard state. It lives as
    // long as the thread: a thread ends only after its last guarded call.
    g_guard.alternate_stack = std::make_unique<char[]>(alternate_stack_size);
    stack_t ss {};
    ss.ss_sp = g_guard.alternate_stack.get();
    ss.ss_size = alternate_stack_size;
    sigaltstack(&ss, nullptr);

    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void* base = nullptr;
        size_t size = 0;
        pthread_attr_getstack(&attr, &base, &size);
        g_guard.stack_low = reinterpret_cast<uintptr_t>(base);
        g_guard.stack_high = g_guard.stack_low + size;
        pthread_attr_destroy(&attr);
    }
}

} // namespace

std::optional<Fault> run_guarded(const std::function<void()>& code)
{
    install_handlers();
    // Past the deepest slot, the call runs covered by the innermost guard.
    if (g_guard.depth >= max_depth) {
        ++g_guard.depth;
        code();
        --g_guard.depth;
        return std::nullopt;
    }
    int depth = g_guard.depth;
    if (sigsetjmp(g_guard.jumps[depth], 1) != 0) {
        g_guard.depth = depth; // leaves this guard and any deeper ones the fault jumped out of
        Fault fault = g_guard.fault;
        g_guard.fault = Fault {};
        return fault;
    }
    g_guard.depth = depth + 1;
    code();
    g_guard.depth = depth;
    return std::nullopt;
}

void capture_interrupted_context(const void* ucontext, Fault& into, uintptr_t& stack_top)
{
    const greg_t* gregs = static_cast<const ucontext_t*>(ucontext)->uc_mcontext.gregs;
    for (int i = 0; i < 23; ++i)
        into.registers[i] = static_cast<uintptr_t>(gregs[i]);
    into.address = 0;
    record_frames(gregs, false, into);
    auto rsp = static_cast<uintptr_t>(gregs[REG_RSP]);
    stack_top = on_stack(rsp, 8) ? *reinterpret_cast<const uintptr_t*>(rsp) : 0;
}

int guard_depth()
{
    return g_guard.depth;
}

void leave_guards(int depth)
{
    g_guard.depth = depth;
}

} // namespace ksim
