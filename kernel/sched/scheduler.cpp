// Tasks, sleeping and waking (see scheduler.h).
#include "sched/scheduler.h"

#include <algorithm>
#include <cerrno>
#include <csignal>

#include "fs/file_table.h"

#include <ksim/deferred_abi.h>

extern "C" struct task_struct init_task;

namespace ksim {

namespace {
thread_local KernelTask* t_current = nullptr;

void list_add_tail(struct list_head* entry, struct list_head* head)
{
    entry->prev = head->prev;
    entry->next = head;
    head->prev->next = entry;
    head->prev = entry;
}

void list_del(struct list_head* entry)
{
    entry->prev->next = entry->next;
    entry->next->prev = entry->prev;
    entry->next = entry->prev = entry;
}
} // namespace

Scheduler::Scheduler(int cpus)
    : m_cpus(cpus)
    , m_init(std::make_shared<KernelTask>(Task {0, "swapper/0", 0, nullptr}, &::init_task))
{
    m_init->abi().flags = KSIM_PF_KTHREAD;
    m_init->abi().real_parent = m_init->abi().parent = &m_init->abi();
}

Scheduler::~Scheduler() = default;

std::shared_ptr<KernelTask> Scheduler::create_task(Task identity, unsigned flags, KernelTask* parent, bool on_parent_cpu)
{
    auto task = std::make_shared<KernelTask>(std::move(identity));
    task->files = parent && parent->files ? parent->files : std::make_shared<FileTable>();
    std::lock_guard lock(m_lock);
    struct task_struct& abi = task->abi();
    abi.flags = flags;
    abi.real_parent = abi.parent = parent ? &parent->abi() : &m_init->abi();
    if (on_parent_cpu && parent) {
        abi.cpu = parent->abi().cpu;
    } else {
        abi.cpu = m_next_cpu;
        m_next_cpu = (m_next_cpu + 1) % m_cpus;
    }
    list_add_tail(&abi.tasks, &m_init->abi().tasks);
    m_tasks.push_back(task);
    return task;
}

void Scheduler::release_task(KernelTask& task)
{
    std::lock_guard lock(m_lock);
    list_del(&task.abi().tasks);
    std::erase_if(m_tasks, [&](const auto& t) { return t.get() == &task; });
}

std::shared_ptr<KernelTask> Scheduler::running_on_thread_of(int pid) const
{
    std::shared_ptr<KernelTask> task = find(pid);
    while (task) {
        int child_pid = task->vfork_child_pid.load();
        auto child = child_pid ? find(child_pid) : nullptr;
        if (!child)
            break;
        task = std::move(child);
    }
    return task;
}

int Scheduler::allocate_pid()
{
    std::lock_guard lock(m_lock);
    return m_next_pid++;
}

void Scheduler::start_user_pids_at(int pid)
{
    std::lock_guard lock(m_lock);
    m_next_pid = std::max(m_next_pid, pid);
}

std::shared_ptr<KernelTask> Scheduler::find(int pid) const
{
    std::lock_guard lock(m_lock);
    auto it = std::find_if(m_tasks.begin(), m_tasks.end(), [&](const auto& t) { return t->abi().pid == pid; });
    return it == m_tasks.end() ? nullptr : *it;
}

std::vector<std::shared_ptr<KernelTask>> Scheduler::tasks() const
{
    std::lock_guard lock(m_lock);
    return m_tasks;
}

KernelTask* Scheduler::current()
{
    return t_current;
}

void Scheduler::set_current(KernelTask* task)
{
    t_current = task;
    if (task)
        task->module_code.host_thread.store(pthread_self());
}

long Scheduler::sleep(KernelTask& task, long timeout)
{
    using Clock = std::chrono::steady_clock;
    constexpr auto tick = std::chrono::nanoseconds(1'000'000'000 / KSIM_HZ);
    if (timeout == max_schedule_timeout || timeout < 0) {
        sleep_until(task, std::nullopt);
        return max_schedule_timeout;
    }
    const auto deadline = Clock::now() + timeout * tick;
    sleep_until(task, deadline);
    auto left = deadline - Clock::now();
    return left <= Clock::duration::zero() ? 0 : static_cast<long>((left + tick - Clock::duration(1)) / tick);
}

void Scheduler::sleep_until(KernelTask& task, std::optional<std::chrono::steady_clock::time_point> deadline)
{
    ++task.switch_count;
    std::unique_lock lock(task.sleep_lock);
    while (true) {
        unsigned state = task.state().load();
        if (state == KSIM_TASK_RUNNING)
            break;
        if (signal_ends_sleep(task, state))
            break;
        if (!deadline)
            task.wakeup.wait(lock);
        else if (task.wakeup.wait_until(lock, *deadline) == std::cv_status::timeout)
            break;
    }
    task.state().store(KSIM_TASK_RUNNING);
    touch_softlockup_watchdog(task);
}

bool Scheduler::wake(KernelTask& task, unsigned states)
{
    std::lock_guard lock(task.sleep_lock);
    unsigned state = task.state().load();
    if (!(state & states))
        return false;
    task.state().store(KSIM_TASK_RUNNING);
    task.wakeup.notify_all();
    return true;
}

bool Scheduler::signal_ends_sleep(KernelTask& task, unsigned state)
{
    return ((state & KSIM_TASK_INTERRUPTIBLE) && task.abi().sigpending)
        || ((state & KSIM_TASK_WAKEKILL) && task.signal_pending(SIGKILL));
}

int Scheduler::pending_fatal_signal(const KernelTask& task)
{
    // Ignored or stopping by default: SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH.
    for (int signal = 1; signal < 32; ++signal) {
        bool harmless = signal == SIGCHLD || signal == SIGCONT || signal == SIGSTOP || signal == SIGTSTP
            || signal == SIGTTIN || signal == SIGTTOU || signal == SIGURG || signal == SIGWINCH;
        if (!harmless && task.signal_pending(signal))
            return signal;
    }
    return 0;
}

ErrorOr<void> Scheduler::kill(int pid, int signal, const Task& sender)
{
    auto task = find(pid);
    if (!task || (task->abi().flags & KSIM_PF_EXITING))
        return Errno {ESRCH};
    if (!sender.is_root() && sender.uid != task->identity().uid)
        return Errno {EPERM};
    if (signal != 0 && !(task->abi().flags & KSIM_PF_KTHREAD))
        send_signal(*task, signal);
    return {};
}

bool Scheduler::signal_group(int pgid, int signal)
{
    bool found = false;
    for (const auto& task : tasks())
        if (task->pgid == pgid) {
            send_signal(*task, signal);
            found = true;
        }
    return found;
}

void Scheduler::send_signal(KernelTask& task, int signal)
{
    task.raise_signal(signal);
    wake(task, signal == SIGKILL ? KSIM_TASK_INTERRUPTIBLE | KSIM_TASK_WAKEKILL : KSIM_TASK_INTERRUPTIBLE);
}

} // namespace ksim
