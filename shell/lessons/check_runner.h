// Checks a learner's module against a lesson: builds it if given sources, then runs each check in a process of its own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shell/lessons/check_result.h"
#include "shell/lessons/lesson.h"

namespace ksim::lessons {

struct CheckOptions {
    std::optional<unsigned> seed; // fixed seed for randomised parameters (tests); else random
    size_t memory_limit = size_t {1} << 30; // address space of each check's process
};

// PATH is a .ko, or a folder of sources with a Makefile (built with the SDK
// first: a failed build or, unless the lesson allows them, warnings fail the
// "build" check and nothing else runs).
std::vector<CheckResult> check_module(
    const Lesson& lesson, const std::filesystem::path& path, const CheckOptions& options);

} // namespace ksim::lessons
