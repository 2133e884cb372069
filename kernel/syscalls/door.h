// What every system call does on its way in and out of the kernel (Linux's entry code, in brief).
#pragma once

#include <memory>

#include "core/error_or.h"
#include "core/kernel.h"

namespace ksim {
class OpenFile;
class KernelTask;
} // namespace ksim

namespace ksim::sys {

// The task the call runs for: current, or the boot task for a thread the
// kernel has not met (a unit test's).
KernelTask& caller();
// The kernel file behind `fd` in the caller's table; null when `fd` is a host descriptor (or none).
std::shared_ptr<OpenFile> kernel_file(int fd);

// The way back to user space: a fatal signal that ended a sleep kills the
// task (its -EINTR becomes its death), as get_signal() does on return.
long leave(long result);

// An ErrorOr as a system call returns it: the value, or -errno.
template <typename T> long result_of(const ErrorOr<T>& result)
{
    if (result.is_error())
        return -result.error();
    if constexpr (std::is_void_v<T>)
        return 0;
    else
        return static_cast<long>(result.value());
}

// A host call's result (-1 and errno) as Linux's (-errno).
long host_result(long result);

} // namespace ksim::sys
