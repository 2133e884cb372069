// Running a lesson's checks (see check_runner.h).
#include "shell/lessons/check_runner.h"

#include <cstdlib>
#include <cstring>
#include <random>

#include "shell/lessons/check_steps.h"
#include "shell/lessons/instruction_scan.h"
#include "shell/lessons/module_build.h"

namespace ksim::lessons {

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
            built.hint = build.warnings.find("Section mismatch") != std::string::npos
                ? "Code that stays after init uses something marked __init or __initdata, which the kernel frees "
                  "once init returns: drop that annotation, or use it only from __init code."
                : "A warning is often a bug the compiler noticed first; the kernel is built with -Werror in many "
                  "places.";
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
    // Refused before any of it runs: code that would reach the host's kernel.
    std::optional<std::string> refused;
    for (const auto& entry : std::filesystem::directory_iterator(work))
        if (!refused && entry.path().extension() == ".ko")
            refused = forbidden_instructions(entry.path());
    if (refused) {
        for (const Check& check : lesson.checks)
            results.push_back({check.id, check.title, false, "a module that calls only the kernel's own functions",
                *refused, check.hint, "", ""});
        std::filesystem::remove_all(work);
        return results;
    }
    std::filesystem::path previous = std::filesystem::current_path();
    std::filesystem::current_path(work);
    unsigned seed = options.seed.value_or(std::random_device {}());
    for (const Check& check : lesson.checks)
        results.push_back(
            run_check_steps(lesson, check, CheckSetup {work / ko.filename(), seed++, options.memory_limit}));
    std::filesystem::current_path(previous);
    std::filesystem::remove_all(work);
    return results;
}

} // namespace ksim::lessons
