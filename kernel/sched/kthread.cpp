// Kernel threads (see kthread.h).
#include "sched/kthread.h"

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "core/kernel.h"
#include "sched/scheduler.h"

namespace ksim {

Kthreads::Kthreads(Kernel& kernel)
    : m_kernel(kernel)
{
}

void Kthreads::stop_module_threads_for_shutdown()
{
    std::vector<std::shared_ptr<KernelTask>> threads;
    {
        std::lock_guard lock(m_lock);
        threads = m_threads;
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    for (auto& task : threads) {
        KthreadState& kthread = *task->kthread;
        if (kthread.owner == kernel_owner)
            continue;
        kthread.should_stop = true;
        Scheduler::wake(*task, ~0U);
    }
    for (auto& task : threads) {
        KthreadState& kthread = *task->kthread;
        if (kthread.owner == kernel_owner)
            continue;
        bool exited = false;
        {
            std::unique_lock lock(kthread.lock);
            exited = kthread.exited_changed.wait_until(lock, deadline, [&] { return kthread.exited; });
        }
        if (exited) {
            stop(*task);
            continue;
        }
        // Deliberately never freed: the thread may wake on its task's
        // condition variable as the process ends.
        static auto* never_freed = new std::vector<std::shared_ptr<KernelTask>>();
        never_freed->push_back(task);
        kthread.host_thread.detach();
        std::lock_guard lock(m_lock);
        std::erase(m_threads, task);
    }
}

Kthreads::~Kthreads()
{
    std::vector<std::shared_ptr<KernelTask>> threads;
    {
        std::lock_guard lock(m_lock);
        threads = m_threads;
    }
    for (auto& task : threads) {
        if (task->kthread->owner == kernel_owner) {
            stop(*task);
            continue;
        }
        // A module thread nobody stopped may be inside code that is gone;
        // unless it has ended, the process ending takes it along.
        bool exited = false;
        {
            std::lock_guard state_lock(task->kthread->lock);
            exited = task->kthread->exited;
        }
        if (exited)
            task->kthread->host_thread.join();
        else
            task->kthread->host_thread.detach();
    }
}

std::shared_ptr<KernelTask> Kthreads::new_task(std::string name, OwnerId owner)
{
    Scheduler& scheduler = m_kernel.scheduler();
    auto task = scheduler.create_task(Task {scheduler.allocate_pid(), name.substr(0, 15), 0, nullptr}, KSIM_PF_KTHREAD,
        &scheduler.init_task() /* kthreadd's children, as on Linux */);
    task->kthread = std::make_unique<KthreadState>();
    task->kthread->owner = owner;
    std::lock_guard lock(m_lock);
    m_threads.push_back(task);
    return task;
}

ErrorOr<KernelTask*> Kthreads::create_module_thread(int (*threadfn)(void*), void* data, std::string name, OwnerId owner)
{
    auto task = new_task(std::move(name), owner);
    // A new kthread sleeps until someone wakes it, as Linux's does.
    task->state().store(KSIM_TASK_UNINTERRUPTIBLE);
    KernelTask* raw = task.get();
    task->kthread->host_thread = std::thread([this, raw, threadfn, data] {
        Scheduler::set_current(raw);
        m_kernel.scheduler().sleep(*raw, max_schedule_timeout);
        KthreadState& state = *raw->kthread;
        if (state.should_stop) {
            exit_thread(*raw, -EINTR); // stopped before it ever ran
            return;
        }
        state.exit_depth = guard_depth();
        if (sigsetjmp(state.exit_jump, 0) != 0) {
            // kthread_exit() from inside the function: what it was inside of is left behind.
            leave_guards(state.exit_depth);
            leave_all_module_code(*raw);
            exit_thread(*raw, state.result);
            return;
        }
        auto ran
            = m_kernel.call_module(ModuleFunction(threadfn), {"kthread+0xe9/0x110", "ret_from_fork+0x22/0x30"}, data);
        exit_thread(*raw, ran.is_error() ? 0 : ran.value()); // an Oops ends the thread: do_exit(SIGKILL)
    });
    return raw;
}

KernelTask& Kthreads::start_kernel_thread(std::string name, int cpu, std::function<void()> body)
{
    auto task = new_task(std::move(name), kernel_owner);
    task->abi().cpu = cpu;
    KernelTask* raw = task.get();
    task->kthread->host_thread = std::thread([this, raw, body = std::move(body)] {
        Scheduler::set_current(raw);
        body();
        exit_thread(*raw, 0);
    });
    return *raw;
}

void exit_current_kthread(int result)
{
    KernelTask& task = *Scheduler::current();
    task.kthread->result = result;
    siglongjmp(task.kthread->exit_jump, 1);
}

void Kthreads::exit_thread(KernelTask& task, int result)
{
    task.abi().flags |= KSIM_PF_EXITING;
    task.state().store(KSIM_TASK_DEAD);
    std::lock_guard lock(task.kthread->lock);
    task.kthread->result = result;
    task.kthread->exited = true;
    task.kthread->exited_changed.notify_all();
}

int Kthreads::stop(KernelTask& task)
{
    KthreadState& kthread = *task.kthread;
    kthread.should_stop = true;
    Scheduler::wake(task, ~0U);
    {
        std::unique_lock lock(kthread.lock);
        Scheduler::wait_uninterruptible(kthread.exited_changed, lock, [&] { return kthread.exited; });
    }
    if (kthread.host_thread.joinable())
        kthread.host_thread.join();
    int result = kthread.result;
    std::shared_ptr<KernelTask> keep;
    {
        std::lock_guard lock(m_lock);
        auto it = std::find_if(m_threads.begin(), m_threads.end(), [&](const auto& t) { return t.get() == &task; });
        if (it != m_threads.end()) {
            keep = *it;
            m_threads.erase(it);
        }
    }
    m_kernel.scheduler().release_task(task);
    return result;
}

std::vector<std::string> Kthreads::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    std::lock_guard lock(m_lock);
    for (const auto& task : m_threads) {
        std::lock_guard state_lock(task->kthread->lock);
        if (task->kthread->owner == owner && !task->kthread->exited)
            found.push_back(std::string("kernel thread [") + task->abi().comm + "]");
    }
    return found;
}

} // namespace ksim
