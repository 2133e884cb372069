// poll(2) (Linux's fs/select.c do_poll): ask each file what it is ready for, and wait until one is.
#include <poll.h>

#include <algorithm>
#include <chrono>

#include "fs/vfs.h"
#include "sched/kernel_task.h"
#include "sched/scheduler.h"
#include "syscalls/door.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

namespace {

// One pass over the descriptors: how many are ready; a file's error ends the call.
ErrorOr<int> poll_once(struct pollfd* fds, unsigned long count)
{
    int ready = 0;
    for (unsigned long i = 0; i < count; ++i) {
        struct pollfd& entry = fds[i];
        entry.revents = 0;
        if (entry.fd < 0)
            continue;
        unsigned mask = 0;
        if (std::shared_ptr<OpenFile> file = kernel_file(entry.fd)) {
            auto polled = file->poll();
            if (polled.is_error())
                return Errno {polled.error()};
            mask = polled.value();
        } else {
            struct pollfd host = {entry.fd, entry.events, 0};
            if (::poll(&host, 1, 0) < 0)
                return Errno {errno};
            mask = static_cast<unsigned short>(host.revents);
        }
        // POLLERR, POLLHUP and POLLNVAL are reported whether asked for or not.
        entry.revents
            = static_cast<short>(mask & (static_cast<unsigned short>(entry.events) | POLLERR | POLLHUP | POLLNVAL));
        if (entry.revents)
            ++ready;
    }
    return ready;
}

} // namespace

long poll(struct pollfd* fds, unsigned long count, int timeout_ms)
{
    if (count > 1024)
        return -EINVAL; // more than RLIMIT_NOFILE
    // ksim's drivers do not queue poll_table entries yet, so a waiting poll
    // looks again each jiffy (4 ms) until a file is ready, the time is up,
    // or a signal arrives, which ends it with EINTR.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
    for (;;) {
        auto ready = poll_once(fds, count);
        if (ready.is_error() || ready.value() > 0 || timeout_ms == 0)
            return result_of(ready);
        if (timeout_ms > 0 && std::chrono::steady_clock::now() >= deadline)
            return 0;
        KernelTask& task = caller();
        task.state().store(KSIM_TASK_INTERRUPTIBLE);
        Kernel::current().scheduler().sleep(task, 1);
        if (Scheduler::signal_ends_sleep(task, KSIM_TASK_INTERRUPTIBLE))
            return leave(-EINTR);
    }
}

} // namespace ksim::sys
