// /proc/PID/{comm,status,stat,cmdline} for every task, and /proc/self (fs/proc/base.c, fs/proc/array.c).
#include <cerrno>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>

#include <ksim/sched_abi.h>

#include "core/kernel.h"
#include "fs/kernel_vfs.h"
#include "fs/mounts.h"
#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "sched/scheduler.h"

namespace ksim {

namespace {

constexpr long clock_ticks_per_second = 100; // USER_HZ, what /proc counts times in
constexpr int pts0_device = 136 << 8; // new_encode_dev(MKDEV(136, 0)): the terminal, pts/0
constexpr unsigned long long all_capabilities = (1ULL << 41) - 1; // CAP_CHOWN .. CAP_CHECKPOINT_RESTORE
constexpr int sigchld = 17;

bool is_kthread(const KernelTask& task)
{
    return task.abi().flags & KSIM_PF_KTHREAD;
}

// get_task_state(): TASK_IDLE is reported apart from other uninterruptible sleeps.
const char* task_state_name(const KernelTask& task)
{
    unsigned state = task.read_state();
    if ((state & (KSIM_TASK_UNINTERRUPTIBLE | KSIM_TASK_NOLOAD)) == (KSIM_TASK_UNINTERRUPTIBLE | KSIM_TASK_NOLOAD))
        return "I (idle)";
    if (state & KSIM_TASK_INTERRUPTIBLE)
        return "S (sleeping)";
    if (state & KSIM_TASK_UNINTERRUPTIBLE)
        return "D (disk sleep)";
    if (state & KSIM_TASK_DEAD)
        return "X (dead)";
    return "R (running)";
}

struct Ids {
    int pid, ppid, pgrp, session, tty, tpgid;
};

// A kernel thread has no process group, session or terminal. User processes
// are in the login shell's session on its terminal; the shell's own process
// group is the terminal's foreground group, which the commands it runs join
// (a job has a group of its own).
Ids ids_of(const KernelTask& task, const Kernel& kernel)
{
    const struct task_struct& abi = task.abi();
    int ppid = abi.real_parent && abi.real_parent != &abi ? abi.real_parent->tgid : 0;
    if (is_kthread(task))
        return {abi.pid, ppid, 0, 0, 0, -1};
    const KernelTask& shell = kernel.boot_task();
    auto group_of = [](const KernelTask& t) { return t.pgid.load() ? t.pgid.load() : t.abi().tgid; };
    return {abi.pid, ppid, group_of(task), shell.abi().tgid, pts0_device, group_of(shell)};
}

// seq_cpumask(): 32-bit groups of hex digits, most significant first, comma-separated.
// Every CPU is allowed, so each full group is ffffffff and the first has just its CPUs' digits.
std::string cpu_mask(int cpus)
{
    std::string out;
    for (int group = (cpus - 1) / 32; group >= 0; --group) {
        int bits = std::min(32, cpus - group * 32);
        char text[24];
        std::snprintf(text, sizeof text, "%llx", (1ULL << bits) - 1);
        if (!out.empty())
            out += ',';
        out += text;
    }
    return out;
}

std::string cpu_list(int cpus)
{
    return cpus == 1 ? "0" : "0-" + std::to_string(cpus - 1);
}

std::string signal_set(const KernelTask& task)
{
    unsigned long long set = 0;
    for (int signal = 1; signal <= 64; ++signal)
        if (task.signal_pending(signal))
            set |= 1ULL << (signal - 1);
    char text[24];
    std::snprintf(text, sizeof text, "%016llx", set);
    return text;
}

std::string proc_status(const KernelTask& task, Kernel& kernel)
{
    const Task& who = task.identity();
    Ids ids = ids_of(task, kernel);
    unsigned long long caps = who.is_root() ? all_capabilities : 0;
    int cpus = kernel.scheduler().cpus();
    char text[2048];
    std::snprintf(text, sizeof text,
        "Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n"
        "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n"
        "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\nThreads:\t1\n"
        "SigPnd:\t%s\nShdPnd:\t%016x\nSigBlk:\t%016x\nSigIgn:\t%016x\nSigCgt:\t%016x\n"
        "CapInh:\t%016x\nCapPrm:\t%016llx\nCapEff:\t%016llx\nCapBnd:\t%016llx\nCapAmb:\t%016x\nNoNewPrivs:\t0\n"
        "Cpus_allowed:\t%s\nCpus_allowed_list:\t%s\n"
        "voluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n",
        task.abi().comm, is_kthread(task) ? 0 : 022, task_state_name(task), task.abi().tgid, ids.pid, ids.ppid, who.uid,
        who.uid, who.uid, who.uid, who.uid, who.uid, who.uid, who.uid, task.abi().tgid, ids.pid, ids.pgrp, ids.session,
        signal_set(task).c_str(), 0, 0, 0, 0, 0, caps, caps, all_capabilities, 0, cpu_mask(cpus).c_str(),
        cpu_list(cpus).c_str());
    return text;
}

// do_task_stat(): Linux's 52 fields; those ksim does not keep (fault counts,
// CPU times, memory layout) are 0.
std::string proc_stat(const KernelTask& task, Kernel& kernel)
{
    Ids ids = ids_of(task, kernel);
    auto age = std::chrono::steady_clock::now() - task.started();
    auto since_boot = std::chrono::nanoseconds(kernel.log().now_ns()) - age;
    long long start_ticks = std::max<long long>(0, since_boot.count() * clock_ticks_per_second / 1'000'000'000);
    bool sleeping = task.read_state() != KSIM_TASK_RUNNING;
    char text[1024];
    std::snprintf(text, sizeof text,
        "%d (%s) %c %d %d %d %d %d %u 0 0 0 0 0 0 0 0 20 0 1 0 %lld 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 %d "
        "0 0 %d %d 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
        ids.pid, task.abi().comm, task_state_name(task)[0], ids.ppid, ids.pgrp, ids.session, ids.tty, ids.tpgid,
        task.abi().flags, start_ticks, sleeping ? 1 : 0, sigchld, task.abi().cpu);
    return text;
}

// A kernel thread has no command line; ksim keeps only a process's name.
std::string proc_cmdline(const KernelTask& task)
{
    if (is_kthread(task))
        return "";
    return std::string(task.abi().comm) + '\0';
}

// Each file looks its task up when read: a task that has ended reads as ESRCH, as on Linux.
std::shared_ptr<VfsNode> task_file(Kernel& kernel, int pid, std::string (*show)(const KernelTask&, Kernel&))
{
    return std::make_shared<TextFile>(0444, [&kernel, pid, show](const Task&) -> ErrorOr<std::string> {
        auto task = kernel.scheduler().find(pid);
        if (!task)
            return Errno {ESRCH};
        return show(*task, kernel);
    });
}

std::shared_ptr<VfsNode> pid_directory(Kernel& kernel, int pid)
{
    auto dir = std::make_shared<Directory>();
    dir->add(
        "comm", task_file(kernel, pid, [](const KernelTask& t, Kernel&) { return std::string(t.abi().comm) + "\n"; }));
    dir->add("cmdline", task_file(kernel, pid, [](const KernelTask& t, Kernel&) { return proc_cmdline(t); }));
    dir->add("status", task_file(kernel, pid, proc_status));
    dir->add("stat", task_file(kernel, pid, proc_stat));
    dir->add("mounts", task_file(kernel, pid, [](const KernelTask&, Kernel& k) { return proc_mounts(k); }));
    return dir;
}

std::optional<int> parse_pid(std::string_view name)
{
    int pid = 0;
    auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), pid);
    if (error != std::errc {} || end != name.data() + name.size() || pid <= 0)
        return std::nullopt;
    return pid;
}

} // namespace

void populate_proc_pids(Directory& proc, Kernel& kernel)
{
    proc.set_dynamic(
        [&kernel] {
            std::vector<std::string> names {"self"};
            // A kernel thread that has ended is reaped at once on Linux, even before kthread_stop().
            for (const auto& task : kernel.scheduler().tasks())
                if (!(task->read_state() & KSIM_TASK_DEAD))
                    names.push_back(std::to_string(task->abi().pid));
            return names;
        },
        [&kernel](std::string_view name) -> std::shared_ptr<VfsNode> {
            if (name == "self") {
                KernelTask* current = Scheduler::current();
                return current ? pid_directory(kernel, current->abi().pid) : nullptr;
            }
            auto pid = parse_pid(name);
            return pid ? pid_directory(kernel, *pid) : nullptr;
        });
}

} // namespace ksim
