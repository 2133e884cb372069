// Reading /proc/PID the way procps' readproc does (see process_table.h).
#include "shell/commands/process_table.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "shell/file_info.h"

namespace ksim::shell {

namespace {

std::optional<std::string> read_file(CommandContext& c, const std::string& path)
{
    auto input = open_input(c, path);
    if (input.is_error())
        return std::nullopt;
    auto all = input.value()->read_all();
    if (all.is_error())
        return std::nullopt;
    return all.release_value();
}

// stat: "pid (comm) state ppid ...", where comm may hold spaces and parentheses: it ends at the last ')'.
bool parse_stat(const std::string& text, ProcessInfo& p)
{
    size_t open = text.find('(');
    size_t close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return false;
    p.comm = text.substr(open + 1, close - open - 1);
    std::istringstream rest(text.substr(close + 1));
    std::vector<long long> fields; // from field 4 (ppid) on
    std::string state;
    rest >> state;
    p.state = state.empty() ? '?' : state[0];
    std::string word;
    while (rest >> word) {
        long long value = 0;
        std::from_chars(word.data(), word.data() + word.size(), value);
        fields.push_back(value);
    }
    if (fields.size() < 36)
        return false;
    auto field = [&](int number) { return fields[static_cast<size_t>(number - 4)]; };
    p.ppid = static_cast<int>(field(4));
    p.pgrp = static_cast<int>(field(5));
    p.session = static_cast<int>(field(6));
    p.tty = static_cast<int>(field(7));
    p.tpgid = static_cast<int>(field(8));
    p.nice = static_cast<int>(field(19));
    p.start_ticks = field(22);
    p.processor = static_cast<int>(field(39));
    return true;
}

unsigned parse_uid(const std::string& status)
{
    size_t at = status.find("\nUid:\t");
    unsigned uid = 0;
    if (at != std::string::npos) {
        const char* start = status.data() + at + 6;
        std::from_chars(start, status.data() + status.size(), uid);
    }
    return uid;
}

std::vector<std::string> split_cmdline(const std::string& cmdline)
{
    std::vector<std::string> args;
    size_t start = 0;
    while (start < cmdline.size()) {
        size_t end = cmdline.find('\0', start);
        if (end == std::string::npos)
            end = cmdline.size();
        args.push_back(cmdline.substr(start, end - start));
        start = end + 1;
    }
    return args;
}

std::optional<ProcessInfo> read_process(CommandContext& c, const std::string& dir, int pid)
{
    auto stat = read_file(c, dir + "/stat");
    auto status = read_file(c, dir + "/status");
    auto cmdline = read_file(c, dir + "/cmdline");
    ProcessInfo p;
    p.pid = pid;
    if (!stat || !status || !cmdline || !parse_stat(*stat, p))
        return std::nullopt;
    p.uid = parse_uid(*status);
    p.args = split_cmdline(*cmdline);
    return p;
}

} // namespace

std::vector<ProcessInfo> read_processes(CommandContext& c)
{
    std::vector<int> pids;
    auto names = list_directory(c.shell, "/proc");
    if (!names.is_error()) {
        for (const std::string& name : names.value()) {
            int pid = 0;
            auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), pid);
            if (error == std::errc {} && end == name.data() + name.size())
                pids.push_back(pid);
        }
    }
    std::sort(pids.begin(), pids.end());
    std::vector<ProcessInfo> processes;
    for (int pid : pids)
        if (auto p = read_process(c, "/proc/" + std::to_string(pid), pid))
            processes.push_back(std::move(*p));
    return processes;
}

ProcessInfo read_self(CommandContext& c)
{
    auto stat = read_file(c, "/proc/self/stat");
    ProcessInfo self;
    if (stat)
        self.pid = std::atoi(stat->c_str());
    return read_process(c, "/proc/self", self.pid).value_or(self);
}

std::string tty_name(int tty)
{
    if (tty == 0)
        return "?";
    int major = (tty >> 8) & 0xfff, minor = (tty & 0xff) | ((tty >> 12) & 0xfff00);
    if (major >= 136 && major <= 143)
        return "pts/" + std::to_string((major - 136) * 256 + minor);
    return "tty" + std::to_string(minor);
}

} // namespace ksim::shell
