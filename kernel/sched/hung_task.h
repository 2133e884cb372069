// khungtaskd: reports tasks stuck in TASK_UNINTERRUPTIBLE, as Linux's kernel/hung_task.c does.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace ksim {

class Kernel;
class KernelTask;

// ksim's default timeout is short (Linux's is 120 s) so a learner sees the
// report while the module is still loaded.
constexpr long default_hung_task_timeout_secs = 10;

class HungTaskDetector {
public:
    // Starts khungtaskd and publishes /proc/sys/kernel/hung_task_timeout_secs.
    explicit HungTaskDetector(Kernel& kernel);
    ~HungTaskDetector();
    HungTaskDetector(const HungTaskDetector&) = delete;
    HungTaskDetector& operator=(const HungTaskDetector&) = delete;

private:
    void run();
    // check_hung_uninterruptible_tasks(): one pass over the task list.
    void check(long timeout_secs);
    void report(KernelTask& task, long blocked_secs);
    void set_timeout(long seconds);

    Kernel& m_kernel;
    std::mutex m_lock;
    std::condition_variable m_changed; // a new timeout, or the kernel stopping
    long m_timeout_secs = default_hung_task_timeout_secs; // 0: never check
    bool m_stopping = false;
    std::atomic<long> m_warnings {10}; // hung_task_warnings: reports left
    KernelTask* m_thread = nullptr;
};

} // namespace ksim
