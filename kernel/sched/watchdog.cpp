// The soft-lockup detector (see watchdog.h).
#include "sched/watchdog.h"

#include <chrono>
#include <memory>

#include "core/kernel.h"
#include "core/oops_report.h"
#include "core/stack_dump.h"
#include "fs/vfs.h"
#include "sched/scheduler.h"
#include "sched/sysctl_integer.h"
#include "sched/task_sample.h"

namespace ksim {

SoftLockupWatchdog::SoftLockupWatchdog(Kernel& kernel)
    : m_kernel(kernel)
    , m_boot_ns(steady_ns())
{
    install_task_sampling();
    Directory& sys_kernel = kernel.vfs().root().subdirectory("proc").subdirectory("sys").subdirectory("kernel");
    sys_kernel.add("watchdog_thresh",
        std::make_shared<TextFile>(
            0644,
            [this](const Task&) -> ErrorOr<std::string> {
                std::lock_guard lock(m_lock);
                return std::to_string(m_thresh) + "\n";
            },
            [this](const Task&, std::string_view data) -> ErrorOr<void> {
                auto thresh = parse_sysctl_integer(data, 0, max_watchdog_thresh);
                if (thresh.is_error())
                    return Errno {thresh.error()};
                // proc_watchdog_update(): the detector restarts with the new period.
                std::lock_guard lock(m_lock);
                m_thresh = thresh.value();
                m_reconfigured = true;
                m_changed.notify_all();
                return {};
            }));
    m_timer = std::thread([this] { run(); });
}

SoftLockupWatchdog::~SoftLockupWatchdog()
{
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
        m_changed.notify_all();
    }
    m_timer.join();
}

uint64_t SoftLockupWatchdog::now() const
{
    return steady_ns() - m_boot_ns;
}

void SoftLockupWatchdog::run()
{
    std::unique_lock lock(m_lock);
    while (!m_stopping) {
        if (m_reconfigured) {
            // softlockup_start_all(): every watchdog starts from a fresh touch.
            m_reconfigured = false;
            for (const auto& task : m_kernel.scheduler().tasks())
                touch_softlockup_watchdog(*task);
        }
        long thresh = m_thresh;
        if (thresh == 0) {
            m_changed.wait(lock);
            continue;
        }
        if (m_changed.wait_for(lock, std::chrono::nanoseconds(watchdog_sample_period_ns(thresh)),
                [&] { return m_stopping || m_reconfigured; }))
            continue;
        // Checked under the lock: a write to watchdog_thresh waits for a
        // report under way to end, as Linux's reconfiguration cancels the
        // hrtimers and waits for a running callback.
        check(thresh);
    }
}

void SoftLockupWatchdog::check(long thresh)
{
    uint64_t now_ts = watchdog_timestamp(now());
    for (const auto& task : m_kernel.scheduler().tasks()) {
        ModuleCodeState& state = task->module_code;
        // Only module code that runs: a task asleep, or in user space, is not stuck.
        if (state.depth.load() == 0 || task->read_state() != KSIM_TASK_RUNNING)
            continue;
        uint64_t touch = state.touch_ns.load();
        uint64_t touch_ts = watchdog_timestamp(touch > m_boot_ns ? touch - m_boot_ns : 0);
        if (touch != state.seen_touch_ns) {
            // update_touch_ts(): a touch also starts a new report period.
            state.seen_touch_ns = touch;
            state.report_ts = touch_ts;
        }
        uint64_t duration = softlockup_duration(now_ts, touch_ts, state.report_ts, thresh);
        if (duration == 0)
            continue;
        state.report_ts = now_ts; // update_report_ts(): the next report comes a period later
        report(*task, duration);
    }
}

void SoftLockupWatchdog::report(KernelTask& task, uint64_t duration)
{
    auto sample = std::make_unique<TaskSample>();
    bool sampled = sample_task(m_kernel, task, *sample);
    const struct task_struct& abi = task.abi();
    std::lock_guard lock(m_kernel.report_lock());
    KernelLog& log = m_kernel.log();
    log.log(0,
        "watchdog: BUG: soft lockup - CPU#" + std::to_string(abi.cpu) + " stuck for " + std::to_string(duration)
            + "s! [" + abi.comm + ":" + std::to_string(abi.pid) + "]");
    log.log(4, m_kernel.modules_linked_in());
    log.log(4, task_header_line(m_kernel, abi.cpu, abi.pid, abi.comm));
    log.log(4, hardware_name_line);
    if (sampled) {
        // show_regs(): the interrupted code's registers and its call trace.
        // Another thread's thread pointer is not known here: FS shows 0, as for a kernel thread.
        for (const std::string& line :
            kernel_register_lines(m_kernel, task_registers(abi.pid, abi.cpu, sample->context.registers, 0, 0)))
            log.log(4, line);
        log_call_trace(m_kernel, 4, sample->context, {sample->entry_frames, sample->entry_frame_count});
    }
    m_kernel.taint().add(TaintFlag::SoftLockup, false, log);
}

} // namespace ksim
