// The checked process: boots a kernel, loads the learner's module when asked, and reports what it sees.
#pragma once

#include <filesystem>

#include "shell/lessons/lesson.h"

namespace ksim::lessons {

// Runs in a child process of its own, the only one that runs module code:
// boots a kernel with the scratch folder as its /lib/modules/<release>,
// confines itself (see syscall_filter.h), then answers each request read
// from `channel` with an observation written back, until end of file. It never learns what the lesson expects, so it
// has no verdict to give.
[[noreturn]] void serve_probe(const Lesson& lesson, const std::filesystem::path& ko, int channel);

} // namespace ksim::lessons
