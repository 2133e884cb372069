// Writing a number to /proc/sys/kernel/*, as proc_dointvec_minmax() and proc_doulongvec_minmax() parse it.
#pragma once

#include <string_view>

#include "core/error_or.h"

namespace ksim {

// The first number of `text`, in C's notation (0x1f, 017, 10), after any
// white space and followed by white space or nothing; EINVAL if there is
// none, it is malformed, or it is outside [min, max].
ErrorOr<long> parse_sysctl_integer(std::string_view text, long min, long max);

} // namespace ksim
