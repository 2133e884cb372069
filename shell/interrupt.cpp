// Ctrl-C handling (see interrupt.h).
#include "shell/interrupt.h"

#include <semaphore.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/kernel.h"
#include "sched/scheduler.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {
// A signal handler can only reach globals: the flag, and a semaphore it may
// post (sem_post is async-signal-safe) to wake the terminal's thread.
volatile std::sig_atomic_t g_interrupted = 0;
sem_t g_ctrl_c;
std::atomic<KernelTask*> g_foreground {nullptr};
std::mutex g_group_lock;
std::vector<KernelTask*> g_group; // the foreground's other tasks
std::vector<int> g_groups; // process groups brought to the foreground
struct sigaction g_previous { };

void on_interrupt(int)
{
    g_interrupted = 1;
    sem_post(&g_ctrl_c);
}

// A task that spins in module code never reaches a point where a signal is
// taken, on Linux as in ksim, so Ctrl-C cannot end it and the shell waits on.
// The first Ctrl-C says so; another while it still spins powers ksim off,
// the way out a real machine leaves (the reset button).
void offer_power_off(KernelTask& task, bool& offered)
{
    constexpr uint64_t stuck_ns = 1'000'000'000; // no scheduling point for a second
    const ModuleCodeState& state = task.module_code;
    bool spinning = state.depth.load() > 0 && task.read_state() == KSIM_TASK_RUNNING
        && steady_ns() - state.touch_ns.load() > stuck_ns;
    if (!spinning) {
        offered = false;
        return;
    }
    const struct task_struct& abi = task.abi();
    if (!std::exchange(offered, true)) {
        std::fprintf(stderr,
            "\nksim: %s (pid %d) spins in module code, where no signal reaches it; Ctrl-C again powers ksim off\n",
            abi.comm, abi.pid);
        return;
    }
    std::fputs("\nksim: powering off\n", stderr);
    std::fflush(nullptr);
    std::_Exit(130);
}

// The terminal's side of Ctrl-C: it sends SIGINT to the foreground task, as
// the tty driver does for its foreground process group.
void start_terminal_thread()
{
    static std::once_flag started;
    std::call_once(started, [] {
        sem_init(&g_ctrl_c, 0, 0);
        std::thread([] {
            bool offered = false; // the note was shown for the task that spins now
            while (true) {
                if (sem_wait(&g_ctrl_c) != 0)
                    continue;
                // A foreground task's thread may be running its vfork child
                // (the command): the signal is for that process.
                Scheduler& scheduler = Kernel::current().scheduler();
                if (KernelTask* task = g_foreground.load())
                    if (auto running = scheduler.running_on_thread_of(task->abi().pid)) {
                        Scheduler::send_signal(*running, SIGINT);
                        offer_power_off(*running, offered);
                    }
                std::lock_guard lock(g_group_lock);
                for (KernelTask* task : g_group)
                    if (auto running = scheduler.running_on_thread_of(task->abi().pid))
                        Scheduler::send_signal(*running, SIGINT);
                for (int pgid : g_groups)
                    sys::kill(-pgid, SIGINT);
            }
        }).detach();
    });
}
} // namespace

InterruptScope::InterruptScope()
{
    start_terminal_thread();
    g_interrupted = 0;
    g_foreground = Scheduler::current();
    struct sigaction action { };
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_previous);
}

InterruptScope::~InterruptScope()
{
    sigaction(SIGINT, &g_previous, nullptr);
    g_foreground = nullptr;
    g_interrupted = 0;
}

ForegroundTask::ForegroundTask(KernelTask& task)
    : m_task(task)
{
    std::lock_guard lock(g_group_lock);
    g_group.push_back(&m_task);
}

ForegroundTask::~ForegroundTask()
{
    std::lock_guard lock(g_group_lock);
    std::erase(g_group, &m_task);
}

ForegroundGroup::ForegroundGroup(int pgid)
    : m_pgid(pgid)
{
    std::lock_guard lock(g_group_lock);
    g_groups.push_back(m_pgid);
}

ForegroundGroup::~ForegroundGroup()
{
    std::lock_guard lock(g_group_lock);
    g_groups.erase(std::find(g_groups.begin(), g_groups.end(), m_pgid));
}

bool interrupt_requested()
{
    return g_interrupted != 0;
}

int pending_death()
{
    if (g_interrupted)
        return interrupted_error;
    KernelTask* task = Scheduler::current();
    int signal = task ? Scheduler::pending_fatal_signal(*task) : 0;
    return signal ? died_of_signal(signal) : 0;
}

} // namespace ksim::shell
