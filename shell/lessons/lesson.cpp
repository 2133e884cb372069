// Lesson files (see lesson.h).
#include "shell/lessons/lesson.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

namespace ksim::lessons {

namespace {

// The actions a step can take, and the options each accepts.
const std::map<std::string, std::set<std::string>>& step_grammar()
{
    static const std::map<std::string, std::set<std::string>> grammar = {
        {"run", {"status", "stdout", "stdout_matches", "stderr_contains", "as_root"}},
        {"insmod", {"params", "status", "stderr_contains"}},
        {"rmmod", {"status", "stderr_contains"}},
        {"dmesg", {"matches", "level", "absent", "count", "in_order", "only"}},
        {"read", {"expect", "matches", "errno", "as_root", "bytes"}},
        {"write", {"data", "errno", "as_root"}},
        {"modinfo", {"equals", "matches", "absent"}},
        {"fail_kmalloc", {}},
        {"clean", {}},
    };
    return grammar;
}

std::string describe(const nlohmann::json& value)
{
    return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

std::optional<std::string> validate_step(const nlohmann::json& step)
{
    if (!step.is_object())
        return "a step must be an object, not " + describe(step);
    std::string action;
    for (const auto& [key, value] : step.items()) {
        if (step_grammar().contains(key)) {
            if (!action.empty())
                return "two actions in one step: '" + action + "' and '" + key + "'";
            action = key;
        }
    }
    if (action.empty())
        return "no action (one of run, insmod, rmmod, dmesg, read, write, modinfo, fail_kmalloc, clean)";
    const auto& options = step_grammar().at(action);
    for (const auto& [key, value] : step.items())
        if (key != action && !options.contains(key))
            return "'" + key + "' is not an option of '" + action + "'";
    const nlohmann::json& argument = step.at(action);
    if (action == "insmod" || action == "rmmod" || action == "clean") {
        if (!argument.is_boolean() && !argument.is_object())
            return "'" + action + "' takes true";
    } else if (action == "fail_kmalloc") {
        if (!argument.is_number_unsigned() || argument.get<unsigned>() == 0)
            return "'fail_kmalloc' takes the number (1 or more) of the allocation that fails";
    } else if (!argument.is_string()) {
        return "'" + action + "' takes a string, not " + describe(argument);
    }
    if (step.contains("params") && !step.at("params").is_object())
        return "'params' must map parameter names to values";
    return std::nullopt;
}

std::string required_string(const nlohmann::json& object, const std::string& key, const std::string& where)
{
    if (!object.contains(key))
        throw LessonError {where + ": '" + key + "' is missing"};
    if (!object.at(key).is_string() || object.at(key).get<std::string>().empty())
        throw LessonError {where + ": '" + key + "' must be a non-empty string"};
    return object.at(key).get<std::string>();
}

} // namespace

std::variant<Lesson, LessonError> load_lesson(const std::filesystem::path& folder)
{
    std::filesystem::path file = folder / "lesson.json";
    std::ifstream in(file);
    if (!in)
        return LessonError {file.string() + ": cannot be read"};
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        return LessonError {file.string() + ": not valid JSON: " + e.what()};
    }
    std::string where = file.string();
    try {
        if (!json.is_object())
            throw LessonError {where + ": the top level must be an object"};
        Lesson lesson;
        lesson.folder = folder;
        lesson.name = folder.filename().string();
        lesson.title = required_string(json, "title", where);
        lesson.module = required_string(json, "module", where);
        lesson.warnings_allowed = json.value("warnings_allowed", false);
        if (json.contains("also_builds")) {
            if (!json.at("also_builds").is_array())
                throw LessonError {where + ": 'also_builds' must be an array of module names"};
            for (const auto& name : json.at("also_builds")) {
                if (!name.is_string() || name.get<std::string>().empty())
                    throw LessonError {where + ": 'also_builds' must be an array of module names"};
                lesson.other_modules.push_back(name.get<std::string>());
            }
        }
        if (!json.contains("checks") || !json.at("checks").is_array() || json.at("checks").empty())
            throw LessonError {where + ": 'checks' must be a non-empty array"};
        std::set<std::string> ids;
        for (size_t i = 0; i < json.at("checks").size(); ++i) {
            const nlohmann::json& c = json.at("checks")[i];
            std::string at = where + ": checks[" + std::to_string(i) + "]";
            if (!c.is_object())
                throw LessonError {at + ": a check must be an object"};
            Check check;
            check.id = required_string(c, "id", at);
            check.title = required_string(c, "title", at);
            check.hint = c.value("hint", "");
            check.expect_oops = c.value("expect_oops", false);
            check.timeout_seconds = c.value("timeout", 10.0);
            if (!ids.insert(check.id).second)
                throw LessonError {at + ": the id '" + check.id + "' is used twice"};
            if (!c.contains("steps") || !c.at("steps").is_array() || c.at("steps").empty())
                throw LessonError {at + ": 'steps' must be a non-empty array"};
            for (size_t s = 0; s < c.at("steps").size(); ++s) {
                if (auto problem = validate_step(c.at("steps")[s]))
                    throw LessonError {at + ".steps[" + std::to_string(s) + "]: " + *problem};
                check.steps.push_back(c.at("steps")[s]);
            }
            lesson.checks.push_back(std::move(check));
        }
        return lesson;
    } catch (const LessonError& error) {
        return error;
    } catch (const nlohmann::json::exception& e) {
        return LessonError {where + ": " + e.what()};
    }
}

std::filesystem::path lessons_root()
{
    if (const char* env = std::getenv("KSIM_LESSONS"))
        return env;
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    // <source>/build/shell/ksim -> <source>/lessons
    return ec ? std::filesystem::path("lessons") : exe.parent_path().parent_path().parent_path() / "lessons";
}

std::vector<std::filesystem::path> lesson_folders()
{
    std::vector<std::filesystem::path> folders;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(lessons_root(), ec))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "lesson.json"))
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

std::filesystem::path find_lesson(const std::string& name)
{
    for (const auto& folder : lesson_folders()) {
        std::string base = folder.filename().string();
        std::string number = base.substr(0, base.find('-'));
        if (base == name || number == name || (name.size() == 1 && number == "0" + name))
            return folder;
    }
    return {};
}

} // namespace ksim::lessons
