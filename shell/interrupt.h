// Ctrl-C while a command runs stops that command (as SIGINT kills it under bash) and leaves ksim running.
#pragma once

#include "core/task.h"

namespace ksim {
class KernelTask;
}

namespace ksim::shell {

// The error a read or write returns once Ctrl-C was pressed: the process
// died of SIGINT; commands exit with 130.
constexpr int interrupted_error = died_of_signal(2);

// While one exists, SIGINT raises a flag that file reads and writes check,
// and the terminal sends SIGINT to the foreground task, so a read asleep in
// the kernel (wait_event_interruptible) wakes up and ends.
class InterruptScope {
public:
    InterruptScope();
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
};

bool interrupt_requested();

// While one exists, `task` is also in the foreground: Ctrl-C reaches it too
// (the other commands of a pipeline, as the terminal's process group).
class ForegroundTask {
public:
    explicit ForegroundTask(KernelTask& task);
    ~ForegroundTask();
    ForegroundTask(const ForegroundTask&) = delete;
    ForegroundTask& operator=(const ForegroundTask&) = delete;

private:
    KernelTask& m_task;
};
// While one exists, process group `pgid` is also in the foreground (`fg`):
// Ctrl-C sends SIGINT to every process in it, as the tty driver does.
class ForegroundGroup {
public:
    explicit ForegroundGroup(int pgid);
    ~ForegroundGroup();
    ForegroundGroup(const ForegroundGroup&) = delete;
    ForegroundGroup& operator=(const ForegroundGroup&) = delete;

private:
    int m_pgid;
};

// The death a signal has in store for the running process: Ctrl-C's
// SIGINT, or a signal sent to its task (kill) whose default action ends it;
// 0 if none. Commands that wait in user space (sleep) check it.
int pending_death();

} // namespace ksim::shell
