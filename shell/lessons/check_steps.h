// Runs one check's steps against a fresh kernel in a checked process, and judges what it observed.
#pragma once

#include <filesystem>
#include <string>

#include "shell/lessons/check_result.h"
#include "shell/lessons/lesson.h"

namespace ksim::lessons {

struct CheckSetup {
    std::filesystem::path ko; // the learner's module, copied into a scratch folder
    unsigned seed = 0; // for randomised parameters
    size_t memory_limit = size_t {1} << 30; // address space of the checked process
};

// Runs the steps through a shell as the learner would, in a checked process
// of their own (see checked_process.h), and says whether they all behaved.
// The verdict is made here, from the observations alone: a module that
// crashes, hangs or scribbles on its process cannot make it a pass.
CheckResult run_check_steps(const Lesson& lesson, const Check& check, const CheckSetup& setup);

} // namespace ksim::lessons
