// Running a lesson's checks (see check_runner.h).
#include "shell/lessons/check_runner.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "shell/lessons/check_steps.h"
#include "shell/lessons/module_build.h"

namespace ksim::lessons {

namespace {

// Runs one check in a child process with limits on time, CPU and memory:
// a module that crashes ksim, loops or eats memory fails only its check.
CheckResult run_isolated(const Lesson& lesson, const Check& check, const CheckSetup& setup, const CheckOptions& options)
{
    CheckResult failed {check.id, check.title, false, "", "", check.hint, "", ""};
    int channel[2];
    if (pipe(channel) != 0) {
        failed.seen = std::string("cannot start the check: ") + std::strerror(errno);
        return failed;
    }
    std::fflush(nullptr);
    pid_t child = fork();
    if (child < 0) {
        failed.seen = std::string("cannot start the check: ") + std::strerror(errno);
        return failed;
    }
    if (child == 0) {
        close(channel[0]);
        rlimit memory {options.memory_limit, options.memory_limit};
        setrlimit(RLIMIT_AS, &memory);
        rlim_t cpu = static_cast<rlim_t>(check.timeout_seconds) + 1;
        rlimit cpu_limit {cpu, cpu};
        setrlimit(RLIMIT_CPU, &cpu_limit);
        std::string json = to_json(run_check_steps(lesson, check, setup)).dump();
        for (size_t done = 0; done < json.size();) {
            ssize_t n = ::write(channel[1], json.data() + done, json.size() - done);
            if (n <= 0)
                break;
            done += static_cast<size_t>(n);
        }
        _exit(0);
    }
    close(channel[1]);
    std::string reply;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(check.timeout_seconds);
    bool timed_out = false;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd waiting {channel[0], POLLIN, 0};
        if (poll(&waiting, 1, static_cast<int>(left.count())) <= 0)
            continue;
        char buffer[4096];
        ssize_t n = ::read(channel[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        reply.append(buffer, static_cast<size_t>(n));
    }
    close(channel[0]);
    if (timed_out)
        kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    if (timed_out) {
        failed.expected = "the check finishes within " + std::to_string(static_cast<int>(check.timeout_seconds)) + " s";
        failed.seen = "it was still running (a module that loops or never returns?)";
        return failed;
    }
    try {
        return check_result_from_json(nlohmann::json::parse(reply));
    } catch (const nlohmann::json::exception&) {
        failed.expected = "the check runs to its end";
        failed.seen = WIFSIGNALED(status) ? std::string("its process died: ") + strsignal(WTERMSIG(status))
                                          : "its process exited with status " + std::to_string(WEXITSTATUS(status));
        return failed;
    }
}

} // namespace

namespace {

// What an earlier build left (as `make clean` removes it): copied files all
// look new, so make would take a stale .o for up to date.
void remove_build_products(const std::filesystem::path& folder)
{
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        std::string name = entry.path().filename().string();
        for (std::string_view suffix : {".o", ".ko", ".mod", ".mod.c", ".cmd"})
            if (name.ends_with(suffix) || name == "Module.symvers" || name == "modules.order") {
                std::filesystem::remove(entry.path());
                break;
            }
    }
}

// Replaces every occurrence of `from` in `text`.
std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

std::vector<CheckResult> check_module(
    const Lesson& lesson, const std::filesystem::path& path, const CheckOptions& options)
{
    // Everything happens in a scratch folder: the build's files and the
    // module's copy; the learner's folder is only read.
    std::string scratch_template = (std::filesystem::temp_directory_path() / "ksim-check-XXXXXX").string();
    if (!mkdtemp(scratch_template.data()))
        throw std::runtime_error(std::string("cannot make a scratch folder: ") + std::strerror(errno));
    std::filesystem::path work = scratch_template;
    std::vector<CheckResult> results;
    std::filesystem::path ko = path;
    if (std::filesystem::is_directory(path)) {
        std::filesystem::path sources = work / "src";
        std::filesystem::copy(path, sources, std::filesystem::copy_options::recursive);
        remove_build_products(sources);
        BuildOutcome build = build_module(sources, lesson.module);
        std::string shown = std::filesystem::absolute(path).lexically_normal().string();
        if (shown.ends_with('/'))
            shown.pop_back();
        build.output = replace_all(build.output, sources.string(), shown);
        build.warnings = replace_all(build.warnings, sources.string(), shown);
        build.problem = replace_all(build.problem, sources.string(), shown);
        CheckResult built {"build",
            "builds with the SDK" + std::string(lesson.warnings_allowed ? "" : ", without warnings"), true, "", "", "",
            "", ""};
        if (!build.succeeded) {
            built.passed = false;
            built.expected = "make -C <sdk> M=" + shown + " modules succeeds and makes " + lesson.module + ".ko";
            built.seen = build.problem;
            built.report = build.output;
        } else if (!lesson.warnings_allowed && !build.warnings.empty()) {
            built.passed = false;
            built.expected = "no compiler warnings";
            built.seen = build.warnings;
            built.hint = "A warning is often a bug the compiler noticed first; the kernel is built with -Werror in "
                         "many places.";
        }
        results.push_back(built);
        if (!build.succeeded) {
            std::filesystem::remove_all(work);
            return results;
        }
        ko = build.module;
        for (const std::string& other : lesson.other_modules) {
            std::filesystem::path other_ko = ko.parent_path() / (other + ".ko");
            if (!std::filesystem::exists(other_ko)) {
                results.back().passed = false;
                results.back().expected = "the build also makes " + other + ".ko";
                results.back().seen = "no " + other + ".ko (is obj-m += " + other + ".o in the Makefile?)";
                std::filesystem::remove_all(work);
                return results;
            }
            std::filesystem::copy_file(other_ko, work / other_ko.filename());
        }
    }
    std::filesystem::copy_file(ko, work / ko.filename());
    std::filesystem::path previous = std::filesystem::current_path();
    std::filesystem::current_path(work);
    unsigned seed = options.seed.value_or(std::random_device {}());
    for (const Check& check : lesson.checks)
        results.push_back(run_isolated(lesson, check, CheckSetup {work / ko.filename(), seed++}, options));
    std::filesystem::current_path(previous);
    std::filesystem::remove_all(work);
    return results;
}

} // namespace ksim::lessons
