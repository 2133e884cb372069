// A task's passage through module code (see module_code.h).
#include "sched/module_code.h"

#include <chrono>

#include "sched/kernel_task.h"

namespace ksim {

uint64_t steady_ns()
{
    return static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count());
}

void touch_softlockup_watchdog(KernelTask& task)
{
    task.module_code.touch_ns.store(steady_ns());
}

ModuleCodeScope::ModuleCodeScope(KernelTask& task, std::initializer_list<const char*> entry_frames)
    : m_task(task)
    , m_outer(task.module_code.innermost.load())
    , m_entry_frames(entry_frames)
{
    ModuleCodeState& state = task.module_code;
    if (state.depth.load() == 0)
        touch_softlockup_watchdog(task);
    // The sampling handler may run between any two of these: it reads
    // `innermost` only once `depth` says the task is inside.
    state.innermost.store(this);
    state.depth.fetch_add(1);
}

ModuleCodeScope::~ModuleCodeScope()
{
    ModuleCodeState& state = m_task.module_code;
    if (state.depth.load() > 1) {
        state.depth.fetch_sub(1);
        state.innermost.store(m_outer);
        return;
    }
    std::lock_guard lock(state.sampling); // back to user space: not while the watchdog samples
    state.depth.store(0);
    state.innermost.store(m_outer);
}

void leave_all_module_code(KernelTask& task)
{
    ModuleCodeState& state = task.module_code;
    std::lock_guard lock(state.sampling);
    state.depth.store(0);
    state.innermost.store(nullptr);
}

} // namespace ksim
