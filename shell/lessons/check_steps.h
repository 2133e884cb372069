// Runs one check's steps against a fresh kernel in the calling process.
#pragma once

#include <filesystem>
#include <string>

#include "shell/lessons/check_result.h"
#include "shell/lessons/lesson.h"

namespace ksim::lessons {

struct CheckSetup {
    std::filesystem::path ko; // the learner's module, copied into a scratch folder
    unsigned seed = 0; // for randomised parameters
};

// Boots a kernel, runs the steps through a shell as the learner would, and
// says whether they all behaved. Meant for a process of its own: a module
// that crashes or hangs takes only that process with it.
CheckResult run_check_steps(const Lesson& lesson, const Check& check, const CheckSetup& setup);

} // namespace ksim::lessons
