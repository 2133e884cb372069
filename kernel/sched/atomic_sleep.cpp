// Sleeping in atomic context (see atomic_sleep.h).
#include "sched/atomic_sleep.h"

#include <cstdio>

#include "core/kernel.h"
#include "core/stack_dump.h"
#include "sched/scheduler.h"

namespace ksim {

void might_sleep_at(Kernel& kernel, const char* file, int line)
{
    KernelTask* task = Scheduler::current();
    if (!task)
        return;
    const struct task_struct& abi = task->abi();
    if (abi.preempt_count == 0 && abi.irqs_disabled == 0)
        return;
    // Linux prints this at most once per second (HZ jiffies).
    static std::atomic<uint64_t> last_report_ns {0};
    uint64_t now = kernel.log().now_ns(), last = last_report_ns.load();
    if (last != 0 && now - last < 1'000'000'000)
        return;
    last_report_ns = now;
    KernelLog& log = kernel.log();
    char text[200];
    log.log(
        3, std::string("BUG: sleeping function called from invalid context at ") + file + ":" + std::to_string(line));
    std::snprintf(text, sizeof text, "in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s",
        abi.preempt_count != 0, abi.irqs_disabled != 0, abi.pid, abi.comm);
    log.log(3, text);
    std::snprintf(text, sizeof text, "preempt_count: %x, expected: 0", abi.preempt_count);
    log.log(3, text);
    log.log(3, "RCU nest depth: 0, expected: 0");
    if (abi.preempt_count & 0xff && task->preempt_disable_ip) {
        log.log(4, "Preemption disabled at:");
        log.log(4, "[<" + std::string(16, '0') + ">] " + kernel.symbolize(task->preempt_disable_ip, true));
    }
    dump_stack(kernel, 4);
    kernel.taint().add(TaintFlag::Warn, true, log);
}

void schedule_while_atomic(Kernel& kernel)
{
    KernelTask* task = Scheduler::current();
    if (!task || task->abi().preempt_count == 0)
        return;
    char text[120];
    std::snprintf(text, sizeof text, "BUG: scheduling while atomic: %s/%d/0x%08x", task->abi().comm, task->abi().pid,
        task->abi().preempt_count);
    kernel.log().log(3, text);
    dump_stack(kernel, 4);
    kernel.taint().add(TaintFlag::Warn, true, kernel.log());
}

} // namespace ksim
