// Building a learner's module (see module_build.h).
#include "shell/lessons/module_build.h"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace ksim::lessons {

namespace {

std::string quote(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace

std::filesystem::path sdk_folder()
{
    if (const char* env = std::getenv("KSIM_SDK"))
        return env;
    return KSIM_SOURCE_SDK;
}

std::filesystem::path build_folder()
{
    if (const char* env = std::getenv("KSIM_BUILD"))
        return env;
    return KSIM_BUILD_TREE;
}

BuildOutcome build_module(const std::filesystem::path& folder, const std::string& module_name)
{
    BuildOutcome outcome;
    std::filesystem::path absolute = std::filesystem::absolute(folder);
    outcome.module = absolute / (module_name + ".ko");
    std::error_code ec;
    std::filesystem::remove(outcome.module, ec); // a stale .ko must not pass for a fresh one
    std::string command = "make --no-print-directory -C " + quote(sdk_folder().string())
        + " M=" + quote(absolute.string()) + " KSIM_BUILD=" + quote(build_folder().string()) + " modules 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        outcome.problem = "make could not be started";
        return outcome;
    }
    std::array<char, 4096> buffer;
    size_t got;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        outcome.output.append(buffer.data(), got);
    int status = pclose(pipe);
    std::istringstream lines(outcome.output);
    std::string line;
    bool in_warning = false, in_mismatch = false;
    while (std::getline(lines, line)) {
        bool starts = line.find(": warning: ") != std::string::npos;
        bool continues = !line.empty() && (line[0] == ' ' || line[0] == '|');
        in_warning = starts || (in_warning && continues);
        // modpost's section mismatch: code kept after init uses what init frees. Its
        // explanation runs to a blank line.
        in_mismatch = (line.starts_with("WARNING: modpost: ") && line.find("Section mismatch") != std::string::npos)
            || (in_mismatch && !line.empty());
        if (in_warning || in_mismatch)
            outcome.warnings += line + "\n";
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string first_error;
        std::istringstream again(outcome.output);
        while (std::getline(again, line)) {
            std::string lower = line;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            if (lower.find("error:") != std::string::npos || lower.find("undefined!") != std::string::npos) {
                first_error = line;
                break;
            }
        }
        outcome.problem = first_error.empty() ? "make failed" : first_error;
        return outcome;
    }
    if (!std::filesystem::exists(outcome.module)) {
        outcome.problem
            = "the build made no " + module_name + ".ko (is obj-m += " + module_name + ".o in the Makefile?)";
        return outcome;
    }
    outcome.succeeded = true;
    return outcome;
}

} // namespace ksim::lessons
