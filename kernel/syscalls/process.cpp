// Processes (Linux's kernel/fork.c, kernel/exit.c, fs/exec.c, kernel/sys.c,
// kernel/signal.c): vfork, execve, exit_group, wait4, getpid, getppid, kill.
#include <sys/wait.h>

#include <algorithm>
#include <csignal>
#include <string_view>

#include "sched/kernel_task.h"
#include "sched/scheduler.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"
#include "uaccess/user_memory.h"

namespace ksim::sys {

namespace {

// How the process's end reads in wait4's status: the signal that killed it
// (an Oops's, or a fatal one sent to it), else its exit code.
int wait_status(KernelTask& task, int exit_code)
{
    int signal = task.death ? task.death - died_of_signal(0) : Scheduler::pending_fatal_signal(task);
    return signal ? signal : (exit_code & 0xff) << 8;
}

} // namespace

long vfork()
{
    KernelTask& parent = caller();
    Scheduler& scheduler = Kernel::current().scheduler();
    const Task& who = parent.identity();
    int pid = scheduler.allocate_pid();
    // copy_process(): the parent's credentials, name and process group; the
    // address space is the parent's until the child execs.
    auto child = scheduler.create_task(Task {pid, who.comm, who.uid, who.mm}, 0, &parent, true);
    child->pgid = parent.pgid.load();
    // The parent sleeps in wait (S) while its thread runs the child.
    parent.state().store(KSIM_TASK_INTERRUPTIBLE);
    parent.vfork_child = child;
    parent.vfork_child_pid = pid;
    Scheduler::set_current(child.get());
    return pid;
}

long execve(const char* program, bool set_user_id_root)
{
    KernelTask& task = caller();
    Task who = task.identity();
    std::string_view name(program);
    name = name.substr(name.rfind('/') + 1);
    // comm is the file's name, cut to TASK_COMM_LEN - 1; the old address space goes.
    who.comm = std::string(name.substr(0, 15));
    who.mm = UserMemory::create();
    if (set_user_id_root)
        who.uid = 0;
    task.set_identity(std::move(who));
    return 0;
}

long exit_group(int status)
{
    KernelTask& child = caller();
    auto* parent_abi = child.abi().real_parent;
    KernelTask* parent = parent_abi ? &kernel_task_of(parent_abi) : nullptr;
    if (!parent || parent->vfork_child.get() != &child)
        return -EINVAL; // only a vfork child ends on its parent's thread
    int wait = wait_status(child, status);
    child.abi().flags |= KSIM_PF_EXITING;
    child.state().store(KSIM_TASK_DEAD);
    Kernel::current().scheduler().release_task(child);
    // wake_up_parent(): the thread carries on as the parent.
    parent->exited_children.emplace_back(child.identity().pid, wait);
    parent->vfork_child_pid = 0;
    parent->state().store(KSIM_TASK_RUNNING);
    Scheduler::set_current(parent);
    parent->vfork_child.reset();
    return 0;
}

long wait4(int pid, int* wstatus, int options)
{
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return -EINVAL;
    KernelTask& self = caller();
    auto& exited = self.exited_children;
    auto it = std::find_if(exited.begin(), exited.end(), [&](const auto& c) { return pid == -1 || c.first == pid; });
    if (it == exited.end())
        return -ECHILD;
    int found = it->first;
    if (wstatus)
        *wstatus = it->second;
    exited.erase(it);
    return found;
}

long getpid()
{
    return caller().identity().pid;
}

long getppid()
{
    const struct task_struct* parent = caller().abi().real_parent;
    return parent ? parent->tgid : 0;
}

long kill(int pid, int signal)
{
    if (signal < 0 || signal > 64)
        return -EINVAL;
    Scheduler& scheduler = Kernel::current().scheduler();
    if (pid == 0)
        pid = -caller().pgid.load(); // the caller's own process group
    if (pid < -1)
        return scheduler.signal_group(-pid, signal) ? 0 : -ESRCH;
    if (pid == -1) {
        // Every process the caller may signal, but init and itself.
        bool sent = false;
        for (const auto& task : scheduler.tasks()) {
            int target = task->identity().pid;
            if (task.get() != &caller() && target > 1 && !task->kthread)
                sent |= !scheduler.kill(target, signal, caller().identity()).is_error();
        }
        return sent ? 0 : -ESRCH;
    }
    return result_of(scheduler.kill(pid, signal, caller().identity()));
}

} // namespace ksim::sys
