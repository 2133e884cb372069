// A task's own state (see kernel_task.h).
#include "sched/kernel_task.h"

#include <cstdio>

#include "sched/kthread.h"

namespace ksim {

KernelTask::KernelTask(Task identity, struct task_struct* external)
    : m_abi(external ? external : &m_own_abi)
{
    *m_abi = {};
    m_abi->tasks.next = m_abi->tasks.prev = &m_abi->tasks;
    m_abi->ksim_task = this;
    set_identity(std::move(identity));
}

KernelTask::~KernelTask() = default;

void KernelTask::set_identity(Task identity)
{
    // A new process starts with no signal pending; the same one (exec)
    // keeps what was sent to it.
    if (identity.pid != m_identity.pid)
        clear_signals();
    m_identity = std::move(identity);
    m_abi->pid = m_identity.pid;
    m_abi->tgid = m_identity.pid;
    std::snprintf(m_abi->comm, sizeof m_abi->comm, "%s", m_identity.comm.c_str());
    m_abi->uid = m_identity.uid;
    m_abi->euid = m_identity.uid;
    m_started.store(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::chrono::steady_clock::time_point KernelTask::started() const
{
    return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(m_started.load()));
}

void KernelTask::raise_signal(int signal)
{
    if (signal < 1 || signal > 64)
        return;
    m_signals.fetch_or(uint64_t {1} << (signal - 1));
    std::atomic_ref<unsigned long>(m_abi->pending.signal.sig[0]).fetch_or(1UL << (signal - 1));
    std::atomic_ref<unsigned>(m_abi->sigpending).store(1);
}

void KernelTask::clear_signals()
{
    m_signals.store(0);
    std::atomic_ref<unsigned long>(m_abi->pending.signal.sig[0]).store(0);
    std::atomic_ref<unsigned>(m_abi->sigpending).store(0);
}

} // namespace ksim
