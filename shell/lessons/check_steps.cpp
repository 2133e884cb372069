// The steps of a check, judged by the checker (see check_steps.h).
#include "shell/lessons/check_steps.h"

#include <cerrno>
#include <cstring>
#include <map>
#include <random>
#include <regex>

#include "core/taint.h"
#include "shell/lessons/checked_process.h"

namespace ksim::lessons {

namespace {

const char* const level_names[] = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

// errno names a lesson may expect, with the text the shell prints for them.
int errno_from_name(const std::string& name)
{
    static const std::map<std::string, int> names = {{"EPERM", EPERM}, {"ENOENT", ENOENT}, {"EIO", EIO},
        {"ENXIO", ENXIO}, {"EBADF", EBADF}, {"EAGAIN", EAGAIN}, {"ENOMEM", ENOMEM}, {"EACCES", EACCES},
        {"EFAULT", EFAULT}, {"EBUSY", EBUSY}, {"EEXIST", EEXIST}, {"ENODEV", ENODEV}, {"EINVAL", EINVAL},
        {"ENOTTY", ENOTTY}, {"ENOSPC", ENOSPC}, {"ESPIPE", ESPIPE}, {"ERANGE", ERANGE}, {"ENOSYS", ENOSYS}};
    auto it = names.find(name);
    return it == names.end() ? 0 : it->second;
}

std::string quote(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// A step that did not behave: what was wanted, what happened.
struct StepFailure {
    std::string expected;
    std::string seen;
};

// Turns a check's steps into requests for the checked process and judges
// its observations. Runs in the checker, which never runs module code.
class StepRunner {
public:
    StepRunner(const Lesson& lesson, const CheckSetup& setup, CheckedProcess& process)
        : m_lesson(lesson)
        , m_process(process)
        , m_random(setup.seed)
    {
        m_vars["ko"] = setup.ko.filename().string();
        m_vars["module"] = lesson.module;
    }

    const std::string& parameters() const { return m_parameters; }
    const std::vector<ObservedRecord>& log() const { return m_log; }
    unsigned oopses() const { return m_state.oopses; }

    std::optional<StepFailure> run(const nlohmann::json& step)
    {
        if (step.contains("run"))
            return run_command(expand(step.at("run").get<std::string>()), step, step.value("as_root", false));
        if (step.contains("insmod"))
            return insmod(step);
        if (step.contains("rmmod"))
            return run_command("sudo rmmod " + m_lesson.module, step, false);
        if (step.contains("dmesg"))
            return dmesg(step);
        if (step.contains("read"))
            return read(step);
        if (step.contains("write"))
            return write(step);
        if (step.contains("modinfo"))
            return modinfo(step);
        if (step.contains("fail_kmalloc"))
            return observe(Request {"", false, step.at("fail_kmalloc").get<unsigned>()});
        if (auto gone = observe({}))
            return gone;
        return clean();
    }

private:
    // {name} in a lesson's text: the module, its file, a randomised parameter.
    std::string expand(std::string text) const
    {
        for (const auto& [name, value] : m_vars)
            for (size_t at; (at = text.find("{" + name + "}")) != std::string::npos;)
                text.replace(at, name.size() + 2, value);
        return text;
    }

    // Asks the checked process; what it saw becomes the checker's state.
    std::optional<StepFailure> observe(const Request& request)
    {
        auto answer = m_process.ask(request);
        if (auto* gone = std::get_if<ProcessGone>(&answer))
            return StepFailure {gone->expected, gone->seen};
        m_state = std::move(std::get<Observation>(answer));
        m_log.insert(m_log.end(), m_state.log.begin(), m_state.log.end());
        return std::nullopt;
    }

    // Runs a line in the checked process's shell; m_state holds what it did.
    std::optional<StepFailure> shell(const std::string& line, bool as_root)
    {
        return observe(Request {line, as_root, std::nullopt});
    }

    // Long outputs are cut in reports: the start says enough.
    static std::string abridged(const std::string& text)
    {
        constexpr size_t limit = 400;
        if (text.size() <= limit)
            return text;
        return text.substr(0, limit) + "... (" + std::to_string(text.size() - limit) + " more bytes)";
    }

    static std::string shown(const Observation& o)
    {
        std::string text = "exit status " + std::to_string(o.status);
        if (!o.out.empty())
            text += ", output: " + abridged(o.out);
        if (!o.err.empty())
            text += ", errors: " + abridged(o.err);
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        return text;
    }

    std::optional<StepFailure> run_command(const std::string& line, const nlohmann::json& step, bool as_root)
    {
        if (auto gone = shell(line, as_root))
            return gone;
        const Observation& o = m_state;
        int status = step.value("status", 0);
        if (o.status != status)
            return StepFailure {"`" + line + "` exits with status " + std::to_string(status), shown(o)};
        if (step.contains("stdout") && o.out != expand(step.at("stdout").get<std::string>()))
            return StepFailure {"`" + line + "` prints: " + expand(step.at("stdout").get<std::string>()), shown(o)};
        if (step.contains("stdout_matches")
            && !std::regex_search(o.out, std::regex(expand(step.at("stdout_matches").get<std::string>()))))
            return StepFailure {
                "`" + line + "` prints something matching " + expand(step.at("stdout_matches").get<std::string>()),
                shown(o)};
        if (step.contains("stderr_contains")
            && o.err.find(expand(step.at("stderr_contains").get<std::string>())) == std::string::npos)
            return StepFailure {
                "`" + line + "` reports: " + expand(step.at("stderr_contains").get<std::string>()), shown(o)};
        return std::nullopt;
    }

    std::optional<StepFailure> insmod(const nlohmann::json& step)
    {
        std::string line = "sudo insmod " + m_vars.at("ko");
        if (step.contains("params")) {
            for (const auto& [name, value] : step.at("params").items()) {
                std::string text;
                if (value.is_object() && value.contains("random")) {
                    auto range = value.at("random");
                    std::uniform_int_distribution<long> pick(range.at(0).get<long>(), range.at(1).get<long>());
                    text = std::to_string(pick(m_random));
                    m_parameters += (m_parameters.empty() ? "" : " ") + name + "=" + text;
                } else {
                    text = value.is_string() ? expand(value.get<std::string>()) : value.dump();
                }
                m_vars[name] = text;
                line += " " + quote(name + "=" + text);
            }
        }
        return run_command(line, step, false);
    }

    std::optional<StepFailure> dmesg(const nlohmann::json& step)
    {
        if (auto gone = observe({}))
            return gone;
        std::string pattern = expand(step.at("dmesg").get<std::string>());
        bool regex = step.value("matches", false);
        int level = -1;
        if (step.contains("level"))
            for (int l = 0; l < 8; ++l)
                if (step.at("level") == level_names[l])
                    level = l;
        std::regex compiled = regex ? std::regex(pattern) : std::regex();
        bool in_order = step.value("in_order", false), only = step.value("only", false);
        size_t found = 0;
        std::string log, strangers;
        for (const ObservedRecord& r : m_log) {
            if (r.seq < 2 || is_taint_notice(r.text))
                continue; // the boot banner, and what every module load says
            log += std::string("<") + level_names[r.level] + "> " + r.text + "\n";
            bool hit = regex ? std::regex_search(r.text, compiled) : r.text.find(pattern) != std::string::npos;
            hit = hit && (level < 0 || r.level == level);
            if (!hit && only)
                strangers += r.text + "\n";
            if (hit && (!in_order || r.seq > m_last_match)) {
                if (!found)
                    m_next_match = r.seq;
                ++found;
            }
        }
        if (found)
            m_last_match = m_next_match;
        if (log.empty())
            log = "(nothing)";
        std::string which = (regex ? "matching " : "containing ") + quote(pattern)
            + (level >= 0 ? std::string(" at level ") + level_names[level] : "");
        if (step.value("absent", false)) {
            if (found)
                return StepFailure {"dmesg has no line " + which, "dmesg:\n" + log};
            return std::nullopt;
        }
        if (step.contains("count") && found != step.at("count").get<size_t>())
            return StepFailure {
                "dmesg has exactly " + std::to_string(step.at("count").get<size_t>()) + " lines " + which,
                "dmesg:\n" + log};
        if (!found)
            return StepFailure {
                "dmesg has a line " + which + (in_order ? ", after the previous one" : ""), "dmesg:\n" + log};
        if (!strangers.empty())
            return StepFailure {"dmesg has only lines " + which, "also printed:\n" + strangers};
        return std::nullopt;
    }

    static bool is_taint_notice(const std::string& text)
    {
        return text.ends_with("loading out-of-tree module taints kernel.")
            || text.ends_with("module verification failed: signature and/or required key missing - tainting kernel");
    }

    std::optional<StepFailure> expect_errno(const std::string& action, const Observation& o, const nlohmann::json& step)
    {
        int error = errno_from_name(step.at("errno").get<std::string>());
        std::string text = std::strerror(error);
        if (o.status == 0 || o.err.find(text) == std::string::npos)
            return StepFailure {
                action + " fails with " + step.at("errno").get<std::string>() + " (" + text + ")", shown(o)};
        return std::nullopt;
    }

    std::optional<StepFailure> read(const nlohmann::json& step)
    {
        std::string path = expand(step.at("read").get<std::string>());
        // Bounded, so a read that never reaches end of file still ends.
        size_t limit = step.value("bytes", size_t {1} << 20);
        std::string line = "head -c " + std::to_string(limit) + " " + quote(path);
        if (auto gone = shell(line, step.value("as_root", false)))
            return gone;
        const Observation& o = m_state;
        std::string action = "reading " + path;
        if (step.contains("errno"))
            return expect_errno(action, o, step);
        if (o.status != 0)
            return StepFailure {action + " succeeds", shown(o)};
        if (step.contains("expect") && o.out != expand(step.at("expect").get<std::string>()))
            return StepFailure {action + " gives: " + expand(step.at("expect").get<std::string>()), abridged(o.out)};
        if (step.contains("matches")
            && !std::regex_search(o.out, std::regex(expand(step.at("matches").get<std::string>()))))
            return StepFailure {
                action + " gives something matching " + expand(step.at("matches").get<std::string>()), o.out};
        return std::nullopt;
    }

    std::optional<StepFailure> write(const nlohmann::json& step)
    {
        std::string path = expand(step.at("write").get<std::string>());
        std::string data = expand(step.value("data", ""));
        if (auto gone = shell("echo -n " + quote(data) + " > " + quote(path), step.value("as_root", false)))
            return gone;
        const Observation& o = m_state;
        std::string action = "writing " + quote(data) + " to " + path;
        if (step.contains("errno"))
            return expect_errno(action, o, step);
        if (o.status != 0)
            return StepFailure {action + " succeeds", shown(o)};
        return std::nullopt;
    }

    std::optional<StepFailure> modinfo(const nlohmann::json& step)
    {
        std::string field = step.at("modinfo").get<std::string>();
        if (auto gone = shell("modinfo -F " + quote(field) + " " + quote(m_vars.at("ko")), false))
            return gone;
        const Observation& o = m_state;
        std::string value = o.out;
        while (!value.empty() && value.back() == '\n')
            value.pop_back();
        std::string seen = value.empty() ? "no " + field + " field" : field + ": " + value;
        if (step.value("absent", false))
            return value.empty() ? std::nullopt : std::optional(StepFailure {"no " + field + " field", seen});
        if (step.contains("equals") && value != step.at("equals").get<std::string>())
            return StepFailure {field + ": " + step.at("equals").get<std::string>(), seen};
        if (step.contains("matches") && !std::regex_search(value, std::regex(step.at("matches").get<std::string>())))
            return StepFailure {field + " matching " + step.at("matches").get<std::string>(), seen};
        if (value.empty())
            return StepFailure {"a " + field + " field", seen};
        return std::nullopt;
    }

    // After rmmod: the module is gone and left nothing behind.
    std::optional<StepFailure> clean()
    {
        if (m_state.module_loaded)
            return StepFailure {"the module is unloaded", m_lesson.module + " is still loaded"};
        std::string leftovers;
        for (const ObservedRecord& r : m_log)
            if (r.text.find("not freed at unload") != std::string::npos
                || r.text.find("unreferenced object") != std::string::npos
                || r.text.find("still registered after unload") != std::string::npos)
                leftovers += r.text + "\n";
        if (!leftovers.empty())
            return StepFailure {"nothing left behind: every kmalloc freed, every device and file removed", leftovers};
        // Loading any module taints O and E; anything more (W, D, P, ...) is a problem.
        unsigned long expected_taint = taint_bit(TaintFlag::OutOfTreeModule) | taint_bit(TaintFlag::UnsignedModule);
        if (m_state.taint & ~expected_taint) {
            Taint taint;
            taint.set_mask(m_state.taint);
            return StepFailure {"no taint beyond O and E", "the kernel is tainted: " + taint.describe()};
        }
        return std::nullopt;
    }

    const Lesson& m_lesson;
    CheckedProcess& m_process;
    Observation m_state; // the latest observation
    std::vector<ObservedRecord> m_log; // every record the kernel printed, in order
    std::mt19937 m_random;
    std::map<std::string, std::string> m_vars;
    std::string m_parameters;
    uint64_t m_last_match = 0, m_next_match = 0; // for dmesg steps "in_order"
};

// The Oops reports in the log, from each "BUG:" line to its end-of-trace line.
std::string oops_reports(const std::vector<ObservedRecord>& log)
{
    std::string text;
    bool inside = false;
    for (const ObservedRecord& r : log) {
        if (r.text.starts_with("BUG:") || r.text.find("Oops:") != std::string::npos
            || r.text.starts_with("general protection fault") || r.text.starts_with("invalid opcode"))
            inside = true;
        if (inside)
            text += r.text + "\n";
        if (r.text.starts_with("---[ end trace"))
            inside = false;
    }
    return text;
}

} // namespace

CheckResult run_check_steps(const Lesson& lesson, const Check& check, const CheckSetup& setup)
{
    CheckResult result {check.id, check.title, false, "", "", check.hint, "", ""};
    CheckedProcess process(lesson, setup.ko, setup.memory_limit, check.timeout_seconds);
    StepRunner runner(lesson, setup, process);
    auto steps = check.steps;
    steps.push_back(nullptr); // the end: the process must stop having said nothing more
    for (const nlohmann::json& step : steps) {
        std::optional<StepFailure> failure;
        if (!step.is_null())
            failure = runner.run(step);
        else if (auto gone = process.finish())
            failure = StepFailure {gone->expected, gone->seen};
        bool oopsed = runner.oopses() > 0 && !check.expect_oops;
        if (failure || oopsed) {
            if (failure) {
                result.expected = failure->expected;
                result.seen = failure->seen;
            } else {
                result.expected = "no Oops";
                result.seen = "the kernel Oopsed";
            }
            result.report = oops_reports(runner.log());
            result.parameters = runner.parameters();
            return result;
        }
    }
    result.passed = true;
    result.hint.clear();
    result.parameters = runner.parameters();
    return result;
}

} // namespace ksim::lessons
