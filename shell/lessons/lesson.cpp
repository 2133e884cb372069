// Lesson files (see lesson.h).
#include "shell/lessons/lesson.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <iterator>

namespace ksim::lessons {

namespace {

// What a step's action or option holds, so that everything the checker will run is checked here first.
enum class Kind {
    Text,
    Pattern, // a regular expression (ECMAScript, as the checker's std::regex), {name}s allowed
    Flag,
    Status, // an exit status, 0-255
    Count, // 0 or more
    ErrnoName, // "EINVAL"
    Level, // a printk level name
    Params, // module parameters: name -> value or {"random": [low, high]}
    Switch, // insmod, rmmod, clean: true or an object
    Allocation, // fail_kmalloc: which allocation fails, 1 or more
};

struct Action {
    Kind argument;
    std::map<std::string, Kind> options;
};

// The actions a step can take, and the options each accepts.
const std::map<std::string, Action>& step_grammar()
{
    static const std::map<std::string, Action> grammar = {
        {"run",
            {Kind::Text,
                {{"status", Kind::Status}, {"stdout", Kind::Text}, {"stdout_matches", Kind::Pattern},
                    {"stderr_contains", Kind::Text}, {"as_root", Kind::Flag}}}},
        {"insmod",
            {Kind::Switch, {{"params", Kind::Params}, {"status", Kind::Status}, {"stderr_contains", Kind::Text}}}},
        {"rmmod", {Kind::Switch, {{"status", Kind::Status}, {"stderr_contains", Kind::Text}}}},
        {"dmesg",
            {Kind::Text,
                {{"matches", Kind::Flag}, {"level", Kind::Level}, {"absent", Kind::Flag}, {"count", Kind::Count},
                    {"in_order", Kind::Flag}, {"only", Kind::Flag}}}},
        {"read",
            {Kind::Text,
                {{"expect", Kind::Text}, {"matches", Kind::Pattern}, {"errno", Kind::ErrnoName},
                    {"as_root", Kind::Flag}, {"bytes", Kind::Count}}}},
        {"write", {Kind::Text, {{"data", Kind::Text}, {"errno", Kind::ErrnoName}, {"as_root", Kind::Flag}}}},
        {"modinfo", {Kind::Text, {{"equals", Kind::Text}, {"matches", Kind::Pattern}, {"absent", Kind::Flag}}}},
        {"fail_kmalloc", {Kind::Allocation, {}}},
        {"clean", {Kind::Switch, {}}},
    };
    return grammar;
}

std::string describe(const nlohmann::json& value)
{
    return value.is_string() ? std::string("'").append(value.get_ref<const std::string&>()).append("'") : value.dump();
}

// Why `written` cannot be a checker's regular expression, or nothing. The
// checker puts values in for {name}s, so any stands in for them here.
std::optional<std::string> pattern_problem(const std::string& written)
{
    std::string pattern;
    size_t copied = 0;
    for (size_t open; (open = written.find('{', copied)) != std::string::npos;) {
        size_t close = written.find('}', open);
        if (close == std::string::npos)
            break;
        std::string name = written.substr(open + 1, close - open - 1);
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
            }))
            break;
        pattern.append(written, copied, open - copied).append("x");
        copied = close + 1;
    }
    pattern.append(written, copied);
    // std::regex compiles groups recursively: deep nesting would exhaust the stack.
    int depth = 0, deepest = 0;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\')
            ++i;
        else if (pattern[i] == '(')
            deepest = std::max(deepest, ++depth);
        else if (pattern[i] == ')')
            --depth;
    }
    if (deepest > 32)
        return "groups nested more than 32 deep";
    try {
        std::regex compiled(pattern);
    } catch (const std::regex_error& e) {
        return e.what();
    }
    return std::nullopt;
}

bool is_errno_name(const std::string& name)
{
    for (int error = 1; error < 134; ++error)
        if (const char* known = strerrorname_np(error); known && name == known)
            return true;
    return false;
}

std::optional<std::string> params_problem(const nlohmann::json& params)
{
    if (!params.is_object())
        return "'params' must map parameter names to values";
    for (const auto& [name, value] : params.items()) {
        if (value.is_string() || value.is_number() || value.is_boolean())
            continue;
        std::string where = "'params': '" + name + "'";
        if (!value.is_object() || value.size() != 1 || !value.contains("random"))
            return where + " must be a string, a number, true, false or {\"random\": [low, high]}";
        const nlohmann::json& range = value.at("random");
        if (!range.is_array() || range.size() != 2 || !range[0].is_number_integer() || !range[1].is_number_integer()
            || (range[0].is_number_unsigned() && range[0].get<unsigned long long>() > LONG_MAX)
            || (range[1].is_number_unsigned() && range[1].get<unsigned long long>() > LONG_MAX))
            return where + ": 'random' takes [low, high], two integers";
        if (range[0].get<long>() > range[1].get<long>())
            return where + ": 'random' takes [low, high] with low <= high, not " + range.dump();
    }
    return std::nullopt;
}

// Why `value`, the action or option `key`, is not the kind it must be, or nothing.
std::optional<std::string> value_problem(const std::string& key, const nlohmann::json& value, Kind kind)
{
    std::string name = "'" + key + "'";
    switch (kind) {
    case Kind::Text:
        if (!value.is_string())
            return name + " takes a string, not " + describe(value);
        break;
    case Kind::Pattern:
        if (!value.is_string())
            return name + " takes a regular expression, not " + describe(value);
        if (auto problem = pattern_problem(value.get<std::string>()))
            return name + " is not a valid regular expression: " + describe(value) + ": " + *problem;
        break;
    case Kind::Flag:
        if (!value.is_boolean())
            return name + " takes true or false, not " + describe(value);
        break;
    case Kind::Status:
        if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 255)
            return name + " takes an exit status (0-255), not " + describe(value);
        break;
    case Kind::Count:
        if (!value.is_number_unsigned())
            return name + " takes a number (0 or more), not " + describe(value);
        break;
    case Kind::ErrnoName:
        if (!value.is_string() || !is_errno_name(value.get<std::string>()))
            return name + " takes an errno name such as 'EINVAL', not " + describe(value);
        break;
    case Kind::Level: {
        static const std::set<std::string> levels
            = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
        if (!value.is_string() || !levels.contains(value.get<std::string>()))
            return name + " takes a printk level (emerg, alert, crit, err, warn, notice, info, debug), not "
                + describe(value);
        break;
    }
    case Kind::Params:
        return params_problem(value);
    case Kind::Switch:
        if (!value.is_boolean() && !value.is_object())
            return name + " takes true";
        break;
    case Kind::Allocation:
        if (!value.is_number_unsigned() || value.get<unsigned long long>() == 0
            || value.get<unsigned long long>() > UINT_MAX)
            return name + " takes the number (1 or more) of the allocation that fails";
        break;
    }
    return std::nullopt;
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
    const Action& grammar = step_grammar().at(action);
    for (const auto& [key, value] : step.items())
        if (key != action && !grammar.options.contains(key))
            return "'" + key + "' is not an option of '" + action + "'";
    // dmesg's text is a regular expression when it says "matches": true.
    bool dmesg_pattern = action == "dmesg" && step.contains("matches") && step.at("matches") == true;
    if (auto problem = value_problem(action, step.at(action), dmesg_pattern ? Kind::Pattern : grammar.argument))
        return problem;
    for (const auto& [key, value] : step.items())
        if (key != action)
            if (auto problem = value_problem(key, value, grammar.options.at(key)))
                return problem;
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

// A key the reader does not know is a teacher's typo: say so rather than ignore it.
void only_keys(const nlohmann::json& object, const std::set<std::string>& known, const std::string& where)
{
    for (const auto& [key, value] : object.items())
        if (!known.contains(key))
            throw LessonError {where + ": unknown key '" + key + "'"};
}

template <typename T>
T optional_value(const nlohmann::json& object, const std::string& key, T fallback, Kind kind, const std::string& where)
{
    if (!object.contains(key))
        return fallback;
    if (auto problem = value_problem(key, object.at(key), kind))
        throw LessonError {where + ": " + *problem};
    return object.at(key).get<T>();
}

// "expect_kernel_complaint": true (any complaint), false (none, as if absent) or a pattern the complaint matches.
std::optional<std::string> expected_complaint(const nlohmann::json& c, const std::string& at)
{
    if (!c.contains("expect_kernel_complaint"))
        return std::nullopt;
    const nlohmann::json& value = c.at("expect_kernel_complaint");
    if (value.is_boolean())
        return value.get<bool>() ? std::optional<std::string>("") : std::nullopt;
    if (!value.is_string() || value.get<std::string>().empty())
        throw LessonError {at + ": 'expect_kernel_complaint' takes true, false or a regular expression the"
            + " complaint's line matches, not " + describe(value)};
    // Nothing is put in for {name}s here: the pattern must compile as written.
    std::optional<std::string> problem = pattern_problem(value.get<std::string>());
    if (!problem) {
        try {
            std::regex compiled(value.get<std::string>());
        } catch (const std::regex_error& e) {
            problem = e.what();
        }
    }
    if (problem)
        throw LessonError {
            at + ": 'expect_kernel_complaint' is not a valid regular expression: " + describe(value) + ": " + *problem};
    return value.get<std::string>();
}

Check read_check(const nlohmann::json& c, const std::string& at)
{
    if (!c.is_object())
        throw LessonError {at + ": a check must be an object"};
    only_keys(c, {"id", "title", "hint", "steps", "timeout", "expect_oops", "expect_kernel_complaint"}, at);
    Check check;
    check.id = required_string(c, "id", at);
    check.title = required_string(c, "title", at);
    check.hint = optional_value<std::string>(c, "hint", "", Kind::Text, at);
    check.expect_oops = optional_value(c, "expect_oops", false, Kind::Flag, at);
    check.expect_complaint = expected_complaint(c, at);
    if (c.contains("timeout")) {
        const nlohmann::json& timeout = c.at("timeout");
        if (!timeout.is_number() || !(timeout.get<double>() > 0) || timeout.get<double>() > max_timeout_seconds)
            throw LessonError {at + ": 'timeout' takes seconds, more than 0 and at most "
                + std::to_string(static_cast<int>(max_timeout_seconds)) + ", not " + describe(timeout)};
        check.timeout_seconds = timeout.get<double>();
    }
    if (!c.contains("steps") || !c.at("steps").is_array() || c.at("steps").empty())
        throw LessonError {at + ": 'steps' must be a non-empty array"};
    for (size_t s = 0; s < c.at("steps").size(); ++s) {
        if (auto problem = validate_step(c.at("steps")[s]))
            throw LessonError {at + ".steps[" + std::to_string(s) + "]: " + *problem};
        check.steps.push_back(c.at("steps")[s]);
    }
    // A failed check without a hint tells the learner what broke but not where to look.
    if (check.hint.empty())
        throw LessonError {at + " ('" + check.id + "'): 'hint' is missing: say what mistake makes this check fail"};
    return check;
}

} // namespace

std::variant<Lesson, LessonError> load_lesson(const std::filesystem::path& folder)
{
    std::filesystem::path file = folder / "lesson.json";
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        return LessonError {file.string() + ": cannot be read: " + std::strerror(EISDIR)};
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return LessonError {
            file.string() + ": cannot be read" + (errno ? std::string(": ") + std::strerror(errno) : "")};
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_lesson(text, folder);
}

std::variant<Lesson, LessonError> parse_lesson(std::string_view text, const std::filesystem::path& folder)
{
    std::string where = (folder / "lesson.json").string();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) { // out_of_range too: a number past a double's range
        return LessonError {where + ": not valid JSON: " + e.what()};
    }
    try {
        if (!json.is_object())
            throw LessonError {where + ": the top level must be an object"};
        only_keys(json, {"title", "module", "also_builds", "warnings_allowed", "checks"}, where);
        Lesson lesson;
        lesson.folder = folder;
        lesson.name = folder.filename().string();
        lesson.title = required_string(json, "title", where);
        lesson.module = required_string(json, "module", where);
        lesson.warnings_allowed = optional_value(json, "warnings_allowed", false, Kind::Flag, where);
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
            std::string at = where + ": checks[" + std::to_string(i) + "]";
            Check check = read_check(json.at("checks")[i], at);
            if (!ids.insert(check.id).second)
                throw LessonError {at + ": the id '" + check.id + "' is used twice"};
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
        if (entry.is_directory(ec) && std::filesystem::exists(entry.path() / "lesson.json", ec))
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
