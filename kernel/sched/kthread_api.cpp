// Kernel threads as modules create and stop them.
#include <cerrno>
#include <cstdarg>

#include "core/caller_owner.h"
#include "core/export.h"
#include "core/kernel.h"
#include "lib/vsprintf.h"
#include "sched/atomic_sleep.h"
#include "sched/kthread.h"
#include "sched/scheduler.h"

KSIM_EXPORT struct task_struct* kthread_create_on_node(
    int (*threadfn)(void* data), void* data, int, const char namefmt[], ...)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::might_sleep_at(kernel, "kernel/kthread.c", 437);
    va_list args;
    va_start(args, namefmt);
    std::string name = ksim::kernel_vformat(namefmt, args, [&](uintptr_t a, bool o) { return kernel.symbolize(a, o); });
    va_end(args);
    auto task
        = kernel.kthreads().create_module_thread(threadfn, data, name, ksim::caller_owner(__builtin_return_address(0)));
    if (task.is_error())
        return reinterpret_cast<struct task_struct*>(-static_cast<long>(task.error()));
    return &task.value()->abi();
}

KSIM_EXPORT int kthread_stop(struct task_struct* task)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::might_sleep_at(kernel, "kernel/kthread.c", 704);
    return kernel.kthreads().stop(ksim::kernel_task_of(task));
}

KSIM_EXPORT bool kthread_should_stop(void)
{
    ksim::KernelTask* task = ksim::Scheduler::current();
    return task && task->kthread && task->kthread->should_stop;
}

KSIM_EXPORT void kthread_bind(struct task_struct* task, unsigned int cpu)
{
    task->cpu = static_cast<int>(cpu);
}

KSIM_EXPORT void kthread_exit(long result)
{
    ksim::KernelTask* task = ksim::Scheduler::current();
    if (!task || !task->kthread || task->kthread->owner == ksim::kernel_owner) {
        // Linux would end whatever task called it; ksim ends it as a BUG(): an Oops, and the task dies.
        ksim::Kernel::current().log().log(2, "kthread_exit() called from a task that is not a module's kernel thread");
        __builtin_trap();
    }
    ksim::exit_current_kthread(static_cast<int>(result));
}

extern "C" void complete(struct completion* x);

KSIM_EXPORT void kthread_complete_and_exit(struct completion* comp, long code)
{
    if (comp)
        complete(comp);
    kthread_exit(code);
}
