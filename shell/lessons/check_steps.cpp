// The steps of a check, judged by the checker (see check_steps.h).
#include "shell/lessons/check_steps.h"

#include <cerrno>
#include <cstring>
#include <map>
#include <random>
#include <regex>

#include "core/taint.h"
#include "shell/lessons/checked_process.h"
#include "shell/lessons/kernel_complaints.h"

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

const char* const nothing_left_behind = "nothing left behind: every kmalloc freed, every device and file removed";

// A step that did not behave: what was wanted, what happened.
struct StepFailure {
    std::string expected;
    std::string seen;
    std::string hint = {}; // when the failure has a cause of its own, it replaces the check's hint
};

// Linux's delete_module refuses a module with an init but no exit function
// (EBUSY, so kmod says "Device or resource busy"); a leak or a user is not why.
const char* const no_exit_seen = "this module cannot be removed: it has no exit function";
const char* const no_exit_hint
    = "Write an exit function that undoes what init did, and register it with module_exit(...).";

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
    unsigned long taint() const { return m_state.taint; }

    std::optional<StepFailure> run(const nlohmann::json& step)
    {
        if (step.contains("run"))
            return run_command(expand(step.at("run").get<std::string>()), step, step.value("as_root", false));
        if (step.contains("insmod"))
            return insmod(step);
        if (step.contains("rmmod"))
            return rmmod(step);
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

    std::optional<StepFailure> rmmod(const nlohmann::json& step)
    {
        auto failure = run_command("sudo rmmod " + m_lesson.module, step, false);
        if (failure && m_state.module_without_exit && step.value("status", 0) == 0)
            return StepFailure {
                failure->expected, std::string(no_exit_seen).append("\n").append(failure->seen), no_exit_hint};
        return failure;
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
        // A licence that taints P says so at load: the licence check judges that, not every check that reads dmesg.
        return text.ends_with("loading out-of-tree module taints kernel.")
            || text.ends_with("module verification failed: signature and/or required key missing - tainting kernel")
            || (text.find(": module license '") != std::string::npos && text.ends_with("' taints kernel."))
            || text == "Disabling lock debugging due to kernel taint";
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
        if (m_state.module_without_exit)
            return StepFailure {"the module is unloaded", no_exit_seen, no_exit_hint};
        if (m_state.module_loaded)
            return StepFailure {"the module is unloaded", m_lesson.module + " is still loaded"};
        std::string leftovers;
        for (const Complaint& c : kernel_complaints(m_log))
            if (c.leak)
                leftovers += c.line + "\n";
        if (!leftovers.empty())
            return StepFailure {nothing_left_behind, leftovers};
        // Loading any module taints O and E; anything more (W, D, ...) is a problem. P comes from the
        // licence, which no unload can clean up: the licence check reports it, with a hint about licences.
        unsigned long expected_taint = taint_bit(TaintFlag::OutOfTreeModule) | taint_bit(TaintFlag::UnsignedModule)
            | taint_bit(TaintFlag::ProprietaryModule);
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

// The complaints a check does not expect, among those its step made the kernel print.
std::vector<Complaint> unexpected_complaints(const Check& check, const std::vector<ObservedRecord>& printed)
{
    std::vector<Complaint> unexpected;
    std::regex expected(check.expect_complaint.value_or(""));
    for (Complaint& c : kernel_complaints(printed)) {
        bool wanted = check.expect_complaint
            && (std::regex_search(c.line, expected) || (!c.context.empty() && std::regex_search(c.context, expected)));
        if (!wanted)
            unexpected.push_back(std::move(c));
    }
    return unexpected;
}

// Linux goes on after a WARN, a bad kfree or a lockdep report, but the module
// has a bug all the same: a step during which the kernel complained fails,
// quoting the complaint, unless the check provokes it on purpose. A warning
// that taints W (or a soft lockup, L) fails even if its text is new to the checker.
std::optional<StepFailure> complaint_failure(const Check& check, const std::vector<ObservedRecord>& printed,
    unsigned long taint_before, unsigned long taint, std::string& report)
{
    std::vector<Complaint> unexpected = unexpected_complaints(check, printed);
    if (!unexpected.empty()) {
        // A complaint in a loop repeats: each is quoted once, with how often it came.
        std::string lines;
        std::map<std::string, size_t> seen;
        for (const Complaint& c : unexpected)
            ++seen[c.context + "\n" + c.line];
        for (const Complaint& c : unexpected) {
            size_t& times = seen[c.context + "\n" + c.line];
            if (times == 0)
                continue;
            lines += (c.context.empty() ? "" : c.context + "\n") + c.line;
            lines += times > 1 ? std::string(" (").append(std::to_string(times)).append(" times)\n") : "\n";
            times = 0;
        }
        if (unexpected.front().leak)
            return StepFailure {nothing_left_behind, lines};
        report = lines;
        return StepFailure {"the kernel does not complain (no WARNING, bad kfree, lockdep or seq_file report)",
            std::string("the kernel complained: ").append(unexpected.front().line)};
    }
    unsigned long warned = (taint & ~taint_before) & (taint_bit(TaintFlag::Warn) | taint_bit(TaintFlag::SoftLockup));
    if (warned && !check.expect_complaint && kernel_complaints(printed).empty()) {
        Taint described;
        described.set_mask(taint);
        return StepFailure {"the kernel does not complain (no taint W or L)",
            std::string("the kernel warned and is tainted: ").append(described.describe())};
    }
    return std::nullopt;
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
        size_t printed_before = runner.log().size();
        unsigned long taint_before = runner.taint();
        std::optional<StepFailure> failure;
        if (!step.is_null())
            failure = runner.run(step);
        else if (auto gone = process.finish())
            failure = StepFailure {gone->expected, gone->seen};
        bool oopsed = runner.oopses() > 0 && !check.expect_oops;
        // A complaint is the cause of whatever else went wrong in its step: its lines are the report.
        std::string complaints;
        if (!oopsed) {
            std::vector<ObservedRecord> printed(
                runner.log().begin() + static_cast<long>(printed_before), runner.log().end());
            auto complained = complaint_failure(check, printed, taint_before, runner.taint(), complaints);
            if (!failure)
                failure = complained;
        }
        if (failure || oopsed) {
            if (failure) {
                result.expected = failure->expected;
                result.seen = failure->seen;
                if (!failure->hint.empty())
                    result.hint = failure->hint;
            } else {
                result.expected = "no Oops";
                result.seen = "the kernel Oopsed";
            }
            result.report = complaints.empty() ? oops_reports(runner.log()) : complaints;
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
