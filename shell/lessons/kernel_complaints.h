// The kernel's own complaints: the lines with which Linux reports a bug it survived.
#pragma once

#include <string>
#include <vector>

#include "shell/lessons/observation.h"

namespace ksim::lessons {

// One complaint, as the checker quotes it.
struct Complaint {
    std::string
        line; // the line that names the bug ("WARNING: CPU: 0 PID: 1 at hello.c:12 hello_init+0x1f/0x40 [hello]")
    std::string context; // the WARN message printed before it, if any
    bool leak = false; // a leak report at unload, which a "clean" step also looks for
};

// The complaints among `records`, in order: a WARNING from WARN/WARN_ON or
// lockdep, an invalid or double kfree/kmem_cache_free, seq_file's "buggy
// .next function", a "BUG:" for sleeping in atomic context, a soft lockup,
// and the leak reports of an unload. An Oops is not among them: the checker
// counts those by the kernel's own tally.
std::vector<Complaint> kernel_complaints(const std::vector<ObservedRecord>& records);

} // namespace ksim::lessons
