// Kernel threads: kthread_create's tasks, each run by a host thread of its own.
#pragma once

#include <setjmp.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/error_or.h"
#include "mm/slab.h"
#include "sched/kernel_task.h"

namespace ksim {

class Kernel;

struct KthreadState {
    OwnerId owner = kernel_owner; // the module whose function the thread runs
    std::atomic<bool> should_stop {false};
    std::mutex lock;
    std::condition_variable exited_changed;
    bool exited = false; // guarded by lock
    int result = 0;
    std::thread host_thread;
    // Where kthread_exit() jumps: the end of the thread's function.
    sigjmp_buf exit_jump;
    int exit_depth = 0; // guards the thread was inside there
};

// kthread_exit(): ends the calling kernel thread with `result`.
[[noreturn]] void exit_current_kthread(int result);

class Kthreads {
public:
    explicit Kthreads(Kernel& kernel);
    // Stops the kernel's own threads and lets go of any a module left running.
    ~Kthreads();
    Kthreads(const Kthreads&) = delete;
    Kthreads& operator=(const Kthreads&) = delete;

    // kthread_create(): a new kernel thread that sleeps until woken
    // (wake_up_process), then runs `threadfn(data)` under the Oops guard.
    ErrorOr<KernelTask*> create_module_thread(int (*threadfn)(void*), void* data, std::string name, OwnerId owner);
    // The kernel's own threads (ksoftirqd, kworker): `body` runs at once and
    // returns when kthread_should_stop() says so.
    KernelTask& start_kernel_thread(std::string name, int cpu, std::function<void()> body);
    // kthread_stop(): tells the thread to stop, wakes it, waits for it to
    // end and returns its result.
    int stop(KernelTask& task);
    // Power-off: asks every module thread still running to stop (as
    // kthread_stop() would) and waits up to a second. A thread that will not
    // end is left asleep or running where it is, and its task is never freed,
    // so nothing it might still touch goes away under it.
    void stop_module_threads_for_shutdown();
    // Threads a module leaves running at its unload, named for the warning.
    std::vector<std::string> abandon(OwnerId owner);

private:
    std::shared_ptr<KernelTask> new_task(std::string name, OwnerId owner);
    void exit_thread(KernelTask& task, int result);

    Kernel& m_kernel;
    std::mutex m_lock;
    std::vector<std::shared_ptr<KernelTask>> m_threads; // until stopped
};

} // namespace ksim
