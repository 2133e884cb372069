// Runs module code under a fault guard (see oops_guard.h).
#include "core/oops_guard.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <ucontext.h>

#include <cstdlib>
#include <cstring>

namespace ksim {

namespace {

// A signal handler can only reach static storage; this is the guard's state
// for the one thread that runs the kernel.
struct GuardState {
    sigjmp_buf jump;
    bool armed = false;
    Fault fault;
    uintptr_t stack_low = 0;
    uintptr_t stack_high = 0;
};
GuardState g_guard;

constexpr int guarded_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};

void record_frames(const greg_t* gregs)
{
    g_guard.fault.frames.clear();
    uintptr_t frame = static_cast<uintptr_t>(gregs[REG_RBP]);
    for (int depth = 0; depth < 16; ++depth) {
        if (frame < g_guard.stack_low || frame + 16 > g_guard.stack_high || (frame & 7))
            break;
        auto* words = reinterpret_cast<const uintptr_t*>(frame);
        uintptr_t return_address = words[1];
        if (return_address == 0)
            break;
        g_guard.fault.frames.push_back(return_address);
        if (words[0] <= frame)
            break;
        frame = words[0];
    }
}

void on_fault(int signal, siginfo_t* info, void* context)
{
    if (!g_guard.armed) {
        // Not module code: let the process die as it would have.
        ::signal(signal, SIG_DFL);
        raise(signal);
        return;
    }
    g_guard.armed = false;
    auto* uc = static_cast<ucontext_t*>(context);
    const greg_t* gregs = uc->uc_mcontext.gregs;
    Fault& fault = g_guard.fault;
    fault.signal = signal;
    fault.address = reinterpret_cast<uintptr_t>(info->si_addr);
    fault.error_code = static_cast<uintptr_t>(gregs[REG_ERR]) & ~uintptr_t {4};
    fault.trap = static_cast<uintptr_t>(gregs[REG_TRAPNO]);
    for (int i = 0; i < 23; ++i)
        fault.registers[i] = static_cast<uintptr_t>(gregs[i]);
    record_frames(gregs);
    siglongjmp(g_guard.jump, 1);
}

void install_handlers()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    // Large enough for the handler after a module overflowed its stack.
    static char alternate_stack[1 << 16];
    stack_t ss {};
    ss.ss_sp = alternate_stack;
    ss.ss_size = sizeof alternate_stack;
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

    struct sigaction action { };
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (int signal : guarded_signals)
        sigaction(signal, &action, nullptr);
}

} // namespace

std::optional<Fault> run_guarded(const std::function<void()>& code)
{
    install_handlers();
    g_guard.fault = Fault {};
    if (sigsetjmp(g_guard.jump, 1) != 0)
        return g_guard.fault;
    g_guard.armed = true;
    code();
    g_guard.armed = false;
    return std::nullopt;
}

} // namespace ksim
