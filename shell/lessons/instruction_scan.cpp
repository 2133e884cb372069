// Finding system-call instructions in a module's code (see instruction_scan.h).
#include "shell/lessons/instruction_scan.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>
#include <sstream>

extern char** environ;

namespace ksim::lessons {

namespace {

// objdump's disassembly of the executable sections, or nothing if it did not run.
std::optional<std::string> disassemble(const std::filesystem::path& ko)
{
    int out[2];
    if (pipe(out) != 0)
        return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", 0, 0);
    std::string path = ko.string();
    const char* argv[] = {"objdump", "--disassemble", "--no-show-raw-insn", "--wide", path.c_str(), nullptr};
    pid_t pid = 0;
    int spawned = posix_spawnp(&pid, "objdump", &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string text;
    char buffer[4096];
    ssize_t n;
    while (spawned == 0 && (n = read(out[0], buffer, sizeof buffer)) > 0)
        text.append(buffer, static_cast<size_t>(n));
    close(out[0]);
    int status = 0;
    if (spawned != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return text;
}

} // namespace

std::optional<std::string> forbidden_instructions(const std::filesystem::path& ko)
{
    std::string name = ko.filename().string();
    auto listing = disassemble(ko);
    if (!listing)
        return name + ": cannot be inspected (objdump from binutils did not run on it)";
    // "0000000000000010 <hello_init>:" starts a function; "  1c:\tsyscall" is an instruction.
    static const std::regex function(R"(^[0-9a-f]+ <(.+)>:$)");
    static const std::regex instruction(R"(^ *([0-9a-f]+):\t(syscall|sysenter|int +\$0x80)\b.*$)");
    std::istringstream lines(*listing);
    std::string line, current = "?", found;
    unsigned long function_start = 0;
    std::smatch m;
    while (std::getline(lines, line)) {
        if (std::regex_match(line, m, function)) {
            current = m[1];
            function_start = std::stoul(line.substr(0, line.find(' ')), nullptr, 16);
        } else if (std::regex_match(line, m, instruction)) {
            char offset[32];
            std::snprintf(offset, sizeof offset, "+0x%lx", std::stoul(m[1], nullptr, 16) - function_start);
            std::string mnemonic = std::regex_replace(m[2].str(), std::regex(" +"), " ");
            found += (found.empty() ? "" : ", ") + ("`" + mnemonic + "` in " + current + offset);
        }
    }
    if (found.empty())
        return std::nullopt;
    return name + " contains system-call instructions a kernel module never needs: " + found;
}

} // namespace ksim::lessons
