// kill: sends a signal to processes and jobs (bash's builtin).
#include <csignal>
#include <cstring>
#include <optional>
#include <utility>

#include "shell/command.h"
#include "syscalls/syscalls.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

constexpr std::pair<const char*, int> signal_names[] = {{"HUP", SIGHUP}, {"INT", SIGINT}, {"QUIT", SIGQUIT},
    {"ILL", SIGILL}, {"ABRT", SIGABRT}, {"FPE", SIGFPE}, {"KILL", SIGKILL}, {"USR1", SIGUSR1}, {"SEGV", SIGSEGV},
    {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD}, {"CONT", SIGCONT},
    {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}};

// "9", "KILL", "SIGKILL" (any case) -> the number.
std::optional<int> parse_signal(std::string text)
{
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() <= 2) {
        int number = std::stoi(text);
        return number < 65 ? std::optional(number) : std::nullopt;
    }
    for (char& ch : text)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (text.starts_with("SIG"))
        text.erase(0, 3);
    for (auto [name, number] : signal_names)
        if (text == name)
            return number;
    return std::nullopt;
}

} // namespace

int cmd_kill(CommandContext& c)
{
    size_t first = 1;
    int signal = SIGTERM;
    if (first < c.args.size() && c.args[first] == "-l") {
        for (auto [name, number] : signal_names)
            c.out << number << ") SIG" << name << "\n";
        return 0;
    }
    if (first < c.args.size() && (c.args[first] == "-s" || c.args[first] == "-n")) {
        if (first + 1 >= c.args.size()) {
            c.err << "ksim: kill: " << c.args[first] << ": option requires an argument\n";
            return 2;
        }
        auto parsed = parse_signal(c.args[first + 1]);
        if (!parsed) {
            c.err << "ksim: kill: " << c.args[first + 1] << ": invalid signal specification\n";
            return 1;
        }
        signal = *parsed;
        first += 2;
    } else if (first < c.args.size() && c.args[first].size() > 1 && c.args[first][0] == '-') {
        auto parsed = parse_signal(c.args[first].substr(1));
        if (!parsed) {
            c.err << "ksim: kill: " << c.args[first].substr(1) << ": invalid signal specification\n";
            return 1;
        }
        signal = *parsed;
        ++first;
    }
    if (first >= c.args.size()) {
        c.err << "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";
        return 2;
    }
    int status = 0;
    for (size_t i = first; i < c.args.size(); ++i) {
        const std::string& target = c.args[i];
        if (target.starts_with('%')) {
            Job* job = c.shell.jobs().find(target);
            if (!job) {
                c.err << "ksim: kill: " << target << ": no such job\n";
                status = 1;
                continue;
            }
            sys::kill(-job->pid, signal); // every process of the job, its process group
            continue;
        }
        if (target.empty() || target.find_first_not_of("0123456789") != std::string::npos || target.size() > 9) {
            c.err << "ksim: kill: " << target << ": arguments must be process or job IDs\n";
            status = 1;
            continue;
        }
        if (long sent = sys::kill(std::stoi(target), signal); sent < 0) {
            c.err << "ksim: kill: (" << target << ") - " << std::strerror(static_cast<int>(-sent)) << "\n";
            status = 1;
        }
    }
    return status;
}

} // namespace ksim::shell
