// Sampling another task (see task_sample.h).
#include "sched/task_sample.h"

#include <pthread.h>
#include <signal.h>
#include <ucontext.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <mutex>
#include <thread>

#include "core/kernel.h"
#include "sched/scheduler.h"

namespace ksim {

namespace {

// How long to wait for the thread to take the signal before giving up, as
// Linux reports without irq regs when it has none. Generous: on a loaded
// machine the thread may wait long for a CPU to run the handler on.
constexpr auto sample_timeout = std::chrono::seconds(2);

int sampling_signal()
{
    return SIGRTMIN + 3;
}

// Runs on the sampled task's own thread, like an interrupt on its CPU:
// async-signal-safe, it copies registers and pointers and allocates nothing.
void on_sampling_signal(int, siginfo_t*, void* context)
{
    int saved_errno = errno;
    KernelTask* task = Scheduler::current();
    if (task && task->module_code.sample_wanted.exchange(false)) {
        ModuleCodeState& state = task->module_code;
        TaskSample& sample = *state.sample.load();
        capture_interrupted_context(context, sample.context, sample.stack_top);
        sample.entry_frame_count = 0;
        ModuleCodeScope* scope = state.depth.load() > 0 ? state.innermost.load() : nullptr;
        for (const char* frame : scope ? scope->entry_frames() : std::initializer_list<const char*> {})
            if (sample.entry_frame_count < TaskSample::max_entry_frames)
                sample.entry_frames[sample.entry_frame_count++] = frame;
        state.sample_ready.store(true);
    }
    errno = saved_errno;
}

// A leaf function keeps no frame (GCC leaves it out), so the frame chain
// starts at its caller's caller: the caller is the return address on top of
// the stack, when the call just before that address went to the function
// the task was interrupted in.
void add_frameless_caller(Kernel& kernel, TaskSample& sample)
{
    Fault& context = sample.context;
    uintptr_t rip = context.registers[REG_RIP];
    uintptr_t ret = sample.stack_top;
    if (!kernel.modules().module_at(ret) || !kernel.modules().module_at(ret - 5))
        return;
    const auto* call = reinterpret_cast<const uint8_t*>(ret - 5);
    if (call[0] != 0xe8) // call rel32
        return;
    int32_t offset = 0;
    std::memcpy(&offset, call + 1, sizeof offset);
    uintptr_t callee = ret + static_cast<intptr_t>(offset);
    std::string function = kernel.symbolize(rip, false);
    if (callee > rip || function.empty() || kernel.symbolize(callee, false) != function)
        return;
    if (context.frame_count > 0 && context.frames[0] == ret)
        return;
    size_t kept = std::min(context.frame_count, Fault::max_frames - 1);
    std::memmove(context.frames + 1, context.frames, kept * sizeof context.frames[0]);
    context.frames[0] = ret;
    context.frame_count = kept + 1;
}

} // namespace

void install_task_sampling()
{
    static std::once_flag installed;
    std::call_once(installed, [] {
        struct sigaction action { };
        action.sa_sigaction = on_sampling_signal;
        // Interrupted system calls (a sleeping task's futex wait) go on.
        action.sa_flags = SA_SIGINFO | SA_RESTART;
        sigemptyset(&action.sa_mask);
        sigaction(sampling_signal(), &action, nullptr);
    });
}

bool sample_task(Kernel& kernel, KernelTask& task, TaskSample& out)
{
    ModuleCodeState& state = task.module_code;
    {
        // Held while the signal is on its way: the thread cannot leave module code and end meanwhile.
        std::lock_guard lock(state.sampling);
        if (state.depth.load() == 0)
            return false;
        state.sample = &out;
        state.sample_ready.store(false);
        state.sample_wanted.store(true);
        bool sent = pthread_kill(state.host_thread.load(), sampling_signal()) == 0;
        auto deadline = std::chrono::steady_clock::now() + sample_timeout;
        while (sent && !state.sample_ready.load() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        // A handler that comes too late finds nothing wanted.
        if (!state.sample_wanted.exchange(false) || state.sample_ready.load()) {
            while (!state.sample_ready.load())
                std::this_thread::yield(); // the handler took the request: it is writing `out`
        } else {
            state.sample = nullptr;
            return false;
        }
        state.sample = nullptr;
    }
    add_frameless_caller(kernel, out);
    return true;
}

} // namespace ksim
