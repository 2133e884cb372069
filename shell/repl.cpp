// The interactive prompt (see repl.h).
#include "shell/repl.h"

#include <readline/history.h>
#include <readline/readline.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "shell/command.h"
#include "shell/file_info.h"
#include "shell/interrupt.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

// readline's completion callbacks take no context; this is the shell they complete for.
Shell* g_completing_for = nullptr;
std::vector<std::string> g_candidates;

char* next_candidate(const char* text, int state)
{
    static size_t index;
    if (state == 0)
        index = 0;
    size_t length = std::strlen(text);
    while (index < g_candidates.size()) {
        const std::string& candidate = g_candidates[index++];
        if (candidate.compare(0, length, text) == 0)
            return strdup(candidate.c_str());
    }
    return nullptr;
}

// A path under /proc, /sys or /dev, from the kernel's tree (readline's own
// completion would offer the host's /dev). Directories end in '/'.
char** complete_kernel_path(const std::string& word)
{
    size_t slash = word.rfind('/');
    std::string dir = slash == 0 ? "/" : word.substr(0, slash);
    auto names = list_directory(*g_completing_for, dir);
    if (names.is_error())
        return nullptr;
    for (const std::string& name : names.value()) {
        std::string path = (dir == "/" ? "" : dir) + "/" + name;
        auto info = stat_path(*g_completing_for, path);
        g_candidates.push_back(info.is_error() || info.value().type != 'd' ? path : path + "/");
    }
    rl_attempted_completion_over = 1;
    char** matches = rl_completion_matches(word.c_str(), next_candidate);
    if (matches && !matches[1] && std::string(matches[0]).ends_with('/'))
        rl_completion_suppress_append = 1; // keep going into the directory
    return matches;
}

// First word: commands. After rmmod (or modinfo): loaded module names too.
// Paths in the kernel's /proc, /sys and /dev from its tree; other paths by
// readline's own file-name completion.
char** complete(const char* text, int start, int)
{
    std::string line(rl_line_buffer, static_cast<size_t>(start));
    size_t first = line.find_first_not_of(' ');
    std::string before = first == std::string::npos ? "" : line.substr(first);
    if (before.starts_with("sudo "))
        before = before.substr(5);
    g_candidates.clear();
    if (before.find_first_not_of(' ') == std::string::npos) {
        for (const Command& c : command_table())
            g_candidates.emplace_back(c.name);
        rl_attempted_completion_over = 1;
        return rl_completion_matches(text, next_candidate);
    }
    std::string word = text;
    for (std::string_view mount : {"/proc/", "/sys/", "/dev/"})
        if (word.starts_with(mount))
            return complete_kernel_path(word);
    if (before.starts_with("rmmod") || before.starts_with("modinfo")) {
        for (const auto& m : g_completing_for->kernel().modules().all())
            g_candidates.push_back(m->name);
        if (before.starts_with("rmmod")) {
            rl_attempted_completion_over = 1;
            return rl_completion_matches(text, next_candidate);
        }
        char** modules = rl_completion_matches(text, next_candidate);
        if (modules)
            return modules;
    }
    return nullptr;
}

} // namespace

std::string prompt(const Shell& shell)
{
    std::string cwd = std::filesystem::current_path().string();
    std::string text = shell.user_name() + "@ksim:";
    if (const char* home = std::getenv("HOME"); home && cwd.starts_with(home))
        text.append("~").append(cwd, std::strlen(home));
    else
        text += cwd;
    text += shell.uid() == 0 ? "# " : "$ ";
    return text;
}

int run_interactive(Shell& shell)
{
    g_completing_for = &shell;
    rl_attempted_completion_function = complete;
    std::string history_file;
    if (const char* home = std::getenv("HOME")) {
        history_file = std::string(home) + "/.ksim_history";
        if (read_history(history_file.c_str()) != 0)
            write_history(history_file.c_str()); // append_history() needs the file
        history_truncate_file(history_file.c_str(), 1000);
    }
    shell.set_interactive(true);
    while (!shell.exit_requested()) {
        char* line = readline(prompt(shell).c_str());
        if (!line) {
            std::fputs("exit\n", stdout);
            break;
        }
        std::string text(line);
        std::free(line);
        if (text.find_first_not_of(" \t") == std::string::npos)
            continue;
        add_history(text.c_str());
        // Saved line by line: a reboot starts a new ksim, and a power-off
        // ends this one, without the way out below.
        if (!history_file.empty())
            append_history(1, history_file.c_str());
        InterruptScope interruptible;
        shell.run_line(text);
        // The terminal echoed ^C; bash ends that line before its next prompt.
        if (interrupt_requested())
            std::fputs("\n", stdout);
    }
    return shell.exit_requested().value_or(shell.last_status());
}

} // namespace ksim::shell
