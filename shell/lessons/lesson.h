// A lesson: its text, starter files and the checks that grade a learner's module (lessons/NN-name/).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace ksim::lessons {

struct Check {
    std::string id;
    std::string title;
    std::string hint;
    std::vector<nlohmann::json> steps; // validated: each has exactly one action
    bool expect_oops = false; // the check provokes an Oops on purpose
    // The check provokes a kernel complaint (a WARNING, a bad kfree, ...) on
    // purpose: "" for any, else a pattern the complaint's line matches.
    std::optional<std::string> expect_complaint;
    double timeout_seconds = 10;
};

struct Lesson {
    std::filesystem::path folder;
    std::string name; // the folder's name, "01-hello"
    std::string title;
    std::string module; // the module the learner builds, without .ko
    std::vector<std::string> other_modules; // more modules the same folder builds ("also_builds")
    bool warnings_allowed = false; // does a compiler warning fail the build check
    std::vector<Check> checks;
};

// "lesson.json: checks[2].steps[0]: unknown action 'reed'".
struct LessonError {
    std::string message;
};

// The longest a check may run.
constexpr double max_timeout_seconds = 3600;

// Reads and validates folder/lesson.json.
std::variant<Lesson, LessonError> load_lesson(const std::filesystem::path& folder);
// Validates the text of a lesson.json that lives in `folder`: everything the checker will run must be runnable.
std::variant<Lesson, LessonError> parse_lesson(std::string_view text, const std::filesystem::path& folder);

// Where the lessons live: $KSIM_LESSONS, else <source>/lessons beside the build.
std::filesystem::path lessons_root();
// The lesson folders under the root, sorted.
std::vector<std::filesystem::path> lesson_folders();
// A lesson by its name ("01-hello") or its number ("1", "01").
std::filesystem::path find_lesson(const std::string& name);

} // namespace ksim::lessons
