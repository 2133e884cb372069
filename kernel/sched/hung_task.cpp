// The hung-task detector (see hung_task.h).
#include "sched/hung_task.h"

#include <cerrno>
#include <chrono>
#include <memory>

#include <ksim/deferred_abi.h>

#include "core/kernel.h"
#include "core/stack_dump.h"
#include "fs/vfs.h"
#include "locking/lockdep.h"
#include "sched/kthread.h"
#include "sched/scheduler.h"
#include "sched/sysctl_integer.h"
#include "sched/task_sample.h"

namespace ksim {

namespace {

constexpr uint64_t ns_per_second = 1'000'000'000;

} // namespace

HungTaskDetector::HungTaskDetector(Kernel& kernel)
    : m_kernel(kernel)
{
    Directory& sys_kernel = kernel.vfs().root().subdirectory("proc").subdirectory("sys").subdirectory("kernel");
    sys_kernel.add("hung_task_timeout_secs",
        std::make_shared<TextFile>(
            0644,
            [this](const Task&) -> ErrorOr<std::string> {
                std::lock_guard lock(m_lock);
                return std::to_string(m_timeout_secs) + "\n";
            },
            [this](const Task&, std::string_view data) -> ErrorOr<void> {
                // proc_dohung_task_timeout_secs(): at most MAX_SCHEDULE_TIMEOUT jiffies.
                auto seconds = parse_sysctl_integer(data, 0, max_schedule_timeout / KSIM_HZ);
                if (seconds.is_error())
                    return Errno {seconds.error()};
                set_timeout(seconds.value());
                return {};
            }));
    install_task_sampling();
    m_thread = &kernel.kthreads().start_kernel_thread("khungtaskd", 0, [this] { run(); });
}

HungTaskDetector::~HungTaskDetector()
{
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
        m_changed.notify_all();
    }
    m_kernel.kthreads().stop(*m_thread);
}

// Writing the sysctl wakes khungtaskd, which starts a new interval with it.
void HungTaskDetector::set_timeout(long seconds)
{
    std::lock_guard lock(m_lock);
    m_timeout_secs = seconds;
    m_changed.notify_all();
}

void HungTaskDetector::run()
{
    KernelTask& self = *Scheduler::current();
    std::unique_lock lock(m_lock);
    while (!m_stopping) {
        long timeout = m_timeout_secs;
        self.state().store(KSIM_TASK_INTERRUPTIBLE);
        bool changed = timeout == 0 ? (m_changed.wait(lock), true)
                                    : m_changed.wait_for(lock, std::chrono::seconds(timeout),
                                        [&] { return m_stopping || m_timeout_secs != timeout; });
        self.state().store(KSIM_TASK_RUNNING);
        if (changed || m_stopping)
            continue;
        lock.unlock();
        check(timeout);
        lock.lock();
    }
}

void HungTaskDetector::check(long timeout_secs)
{
    uint64_t now = m_kernel.log().now_ns();
    bool show_locks = false;
    for (const auto& task : m_kernel.scheduler().tasks()) {
        // Only a plain uninterruptible sleep: not killable, not TASK_NOLOAD (idle kthreads).
        if (task->state().load() != KSIM_TASK_UNINTERRUPTIBLE)
            continue;
        // check_hung_task(): a task that was switched since the last look starts its clock again.
        unsigned long switches = task->switch_count.load();
        if (switches != task->hung_check_switch_count || task->hung_check_since_ns == 0) {
            task->hung_check_switch_count = switches;
            task->hung_check_since_ns = now;
            continue;
        }
        if (now - task->hung_check_since_ns < static_cast<uint64_t>(timeout_secs) * ns_per_second)
            continue;
        if (m_warnings.load() == 0)
            continue;
        --m_warnings;
        report(*task, static_cast<long>((now - task->hung_check_since_ns) / ns_per_second));
        show_locks = true;
    }
    if (show_locks)
        m_kernel.lockdep().show_all_locks();
}

void HungTaskDetector::report(KernelTask& task, long blocked_secs)
{
    KernelLog& log = m_kernel.log();
    const struct task_struct& abi = task.abi();
    log.log(3,
        "INFO: task " + std::string(abi.comm) + ":" + std::to_string(abi.pid) + " blocked for more than "
            + std::to_string(blocked_secs) + " seconds.");
    log.log(3, "      " + m_kernel.taint().describe() + " 6.1.0-ksim #1");
    log.log(3, "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.");
    char line[160];
    // sched_show_task(). The thread_info flags of a task switched out are
    // TIF_NEED_FPU_LOAD on x86; ksim's stack use is not measured (stack:0,
    // as without CONFIG_DEBUG_STACK_USAGE).
    std::snprintf(line, sizeof line, "task:%-15.15s state:D stack:0     pid:%-5d ppid:%-6d flags:0x00004000", abi.comm,
        abi.pid, abi.real_parent ? abi.real_parent->pid : 0);
    log.log(6, line);
    // show_stack(): the kernel functions that called into the module it
    // sleeps in. A sleeping thread's own frames run through the C library,
    // which keeps no frame pointers, so ksim names none of them.
    auto sample = std::make_unique<TaskSample>();
    sample_task(m_kernel, task, *sample);
    sample->context.frame_count = 0;
    log_call_trace(m_kernel, 6, sample->context, {sample->entry_frames, sample->entry_frame_count});
}

} // namespace ksim
