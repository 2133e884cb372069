// The checked process's seccomp allow-list (see syscall_filter.h).
#include "shell/lessons/syscall_filter.h"

#include <cerrno>
#include <sched.h>
#include <seccomp.h>
#include <unistd.h>

#include <memory>

namespace ksim::lessons {

namespace {

// Measured with `strace -f` over every lesson's reference and wrong
// solutions (the calls the checked process made after confining itself),
// plus what glibc's allocator, sleeping and returning from a signal handler
// need on other paths. Everything else a module might want from the host
// (sockets, new processes, signals to others, ptrace, ...) is missing on purpose.
constexpr int allowed[] = {
    // memory: malloc, dlopen's mappings, ksim's user-memory alias (a memfd)
    SCMP_SYS(brk),
    SCMP_SYS(mmap),
    SCMP_SYS(munmap),
    SCMP_SYS(mremap),
    SCMP_SYS(mprotect),
    SCMP_SYS(madvise),
    SCMP_SYS(memfd_create),
    SCMP_SYS(ftruncate),
    // files: loading the module, the shell's commands on the scratch sysroot (depmod's indexes), the channel
    SCMP_SYS(openat),
    SCMP_SYS(close),
    SCMP_SYS(read),
    SCMP_SYS(pread64),
    SCMP_SYS(write),
    SCMP_SYS(lseek),
    SCMP_SYS(newfstatat),
    SCMP_SYS(getdents64),
    SCMP_SYS(readlink),
    SCMP_SYS(getcwd),
    SCMP_SYS(fcntl),
    SCMP_SYS(rename),
    // the private copy of a module's checked bytes that dlopen maps (kernel/loader/module_image_file.cpp)
    SCMP_SYS(mkdir),
    SCMP_SYS(unlink),
    SCMP_SYS(unlinkat),
    SCMP_SYS(rmdir),
    SCMP_SYS(getrandom), // mkdtemp's random name
    SCMP_SYS(sysinfo), // dd: whether one buffer of bs= bytes could be had
    // the Oops guard: its handlers, their alternate stack, the stack's bounds
    SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigreturn),
    SCMP_SYS(sigaltstack),
    SCMP_SYS(sched_getaffinity),
    SCMP_SYS(getpid),
    SCMP_SYS(gettid),
    // time and sleeping (msleep, the shell's sleep), and a lock's slow path
    SCMP_SYS(clock_gettime),
    SCMP_SYS(gettimeofday),
    SCMP_SYS(clock_nanosleep),
    SCMP_SYS(nanosleep),
    SCMP_SYS(futex),
    SCMP_SYS(sched_yield),
    // a new thread (a task: a kernel thread, a job, a pipeline's command) sets itself up
    SCMP_SYS(set_robust_list),
    SCMP_SYS(rseq),
    // AddressSanitizer builds test whether memory is readable by writing it into a pipe
    SCMP_SYS(pipe2),
    // ending
    SCMP_SYS(exit),
    SCMP_SYS(exit_group),
};

// Allows `call` when its argument number `argument` is `value`.
bool allow_if_equal(scmp_filter_ctx filter, int call, unsigned argument, scmp_datum_t value)
{
    scmp_arg_cmp equal {argument, SCMP_CMP_EQ, value, 0};
    return seccomp_rule_add(filter, SCMP_ACT_ALLOW, call, 1, equal) == 0;
}

} // namespace

void confine_checked_process()
{
    std::unique_ptr<void, decltype(&seccomp_release)> filter(seccomp_init(SCMP_ACT_KILL_PROCESS), &seccomp_release);
    bool ok = filter != nullptr;
    for (int call : allowed)
        ok = ok && seccomp_rule_add(filter.get(), SCMP_ACT_ALLOW, call, 0) == 0;
    // Reading a limit (the Oops guard asks for the stack's), never setting one.
    ok = ok && allow_if_equal(filter.get(), SCMP_SYS(prlimit64), 2, 0);
    // raise() (abort, a failed assertion) signals only this process.
    ok = ok && allow_if_equal(filter.get(), SCMP_SYS(tgkill), 0, static_cast<scmp_datum_t>(getpid()));
    // printk's %s probes whether a pointer is readable by reading it from
    // itself (kernel/lib/nofault.cpp), never from another process.
    ok = ok && allow_if_equal(filter.get(), SCMP_SYS(process_vm_readv), 0, static_cast<scmp_datum_t>(getpid()));
    // Threads for tasks, never a new process: clone only with CLONE_THREAD;
    // clone3 (whose flags a filter cannot see) says ENOSYS, and the C
    // library falls back to clone.
    scmp_arg_cmp thread_flag {0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD};
    ok = ok && seccomp_rule_add(filter.get(), SCMP_ACT_ALLOW, SCMP_SYS(clone), 1, thread_flag) == 0;
    ok = ok && seccomp_rule_add(filter.get(), SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0;
    // A check without its filter is no check: better none than a forgeable one.
    if (!ok || seccomp_load(filter.get()) != 0)
        _exit(3);
}

} // namespace ksim::lessons
