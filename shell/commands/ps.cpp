// ps: a snapshot of the processes in /proc, with procps-ng's selections (-e, -A, a, x) and formats (-f, u, -o).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

#include "shell/commands/process_table.h"
#include "shell/file_info.h"

namespace ksim::shell {

namespace {

struct Column {
    const char* name;
    const char* header;
    int width;
    bool left; // left-aligned (text), else right-aligned (numbers)
    std::function<std::string(const ProcessInfo&)> value;
};

// Wall-clock time of a start after boot: boot is now minus /proc/uptime.
std::time_t start_time(const ProcessInfo& p, double uptime)
{
    std::time_t now = std::time(nullptr);
    return now - static_cast<std::time_t>(uptime) + static_cast<std::time_t>(p.start_ticks / user_hz);
}

// STIME and START: the time of day for a process started today, else the month and day.
std::string start_text(const ProcessInfo& p, double uptime)
{
    std::time_t now = std::time(nullptr), start = start_time(p, uptime);
    std::tm start_tm {}, now_tm {};
    localtime_r(&start, &start_tm);
    localtime_r(&now, &now_tm);
    char text[16];
    bool today = start_tm.tm_yday == now_tm.tm_yday && start_tm.tm_year == now_tm.tm_year;
    std::strftime(text, sizeof text, today ? "%H:%M" : "%b%d", &start_tm);
    return text;
}

// pr_stat(): the state, then s for a session leader and + for the terminal's foreground group.
std::string stat_text(const ProcessInfo& p)
{
    std::string text(1, p.state);
    if (p.nice < 0)
        text += '<';
    else if (p.nice > 0)
        text += 'N';
    if (p.session == p.pid)
        text += 's';
    if (p.tty != 0 && p.pgrp == p.tpgid)
        text += '+';
    return text;
}

// A command line, or [comm] for a process without one (a kernel thread).
std::string args_text(const ProcessInfo& p)
{
    if (p.args.empty())
        return "[" + p.comm + "]";
    std::string text;
    for (const std::string& a : p.args)
        text += (text.empty() ? "" : " ") + a;
    return text;
}

std::vector<Column> known_columns(double uptime)
{
    auto number
        = [](int ProcessInfo::*field) { return [field](const ProcessInfo& p) { return std::to_string(p.*field); }; };
    auto fixed = [](const char* text) { return [text](const ProcessInfo&) { return std::string(text); }; };
    auto user = [](const ProcessInfo& p) {
        std::string name = owner_name(p.uid);
        return name.size() > 8 ? std::to_string(p.uid) : name; // procps shows a long name's number
    };
    auto comm = [](const ProcessInfo& p) { return p.comm; };
    auto tty = [](const ProcessInfo& p) { return tty_name(p.tty); };
    auto start = [uptime](const ProcessInfo& p) { return start_text(p, uptime); };
    auto state = [](const ProcessInfo& p) { return std::string(1, p.state); };
    auto uid = [](const ProcessInfo& p) { return std::to_string(p.uid); };
    return {
        {"pid", "PID", 7, false, number(&ProcessInfo::pid)},
        {"ppid", "PPID", 7, false, number(&ProcessInfo::ppid)},
        {"pgid", "PGID", 7, false, number(&ProcessInfo::pgrp)},
        {"pgrp", "PGRP", 7, false, number(&ProcessInfo::pgrp)},
        {"sid", "SID", 7, false, number(&ProcessInfo::session)},
        {"sess", "SESS", 7, false, number(&ProcessInfo::session)},
        {"tid", "TID", 7, false, number(&ProcessInfo::pid)},
        {"lwp", "LWP", 7, false, number(&ProcessInfo::pid)},
        {"tpgid", "TPGID", 7, false, number(&ProcessInfo::tpgid)},
        {"psr", "PSR", 3, false, number(&ProcessInfo::processor)},
        {"ni", "NI", 3, false, number(&ProcessInfo::nice)},
        {"nice", "NI", 3, false, number(&ProcessInfo::nice)},
        {"uid", "UID", 5, false, uid},
        {"euid", "EUID", 5, false, uid},
        {"user", "USER", 8, true, user},
        {"euser", "EUSER", 8, true, user},
        {"uname", "USER", 8, true, user},
        {"uid_hack", "UID", 8, true, user}, // -f: the user's name under UID
        {"comm", "COMMAND", 15, true, comm},
        {"ucmd", "CMD", 15, true, comm},
        {"ucomm", "COMMAND", 15, true, comm},
        {"args", "COMMAND", 27, true, args_text},
        {"command", "COMMAND", 27, true, args_text},
        {"cmd", "CMD", 27, true, args_text},
        {"stat", "STAT", 4, true, stat_text},
        {"s", "S", 1, true, state},
        {"state", "S", 1, true, state},
        {"tty", "TT", 8, true, tty},
        {"tt", "TT", 8, true, tty},
        {"tname", "TTY", 8, true, tty},
        {"time", "TIME", 8, false, fixed("00:00:00")}, // ksim keeps no CPU times
        {"cputime", "TIME", 8, false, fixed("00:00:00")},
        {"bsdtime", "TIME", 6, false, fixed("0:00")},
        {"c", "C", 2, false, fixed("0")},
        {"%cpu", "%CPU", 4, false, fixed("0.0")},
        {"pcpu", "%CPU", 4, false, fixed("0.0")},
        {"%mem", "%MEM", 4, false, fixed("0.0")},
        {"pmem", "%MEM", 4, false, fixed("0.0")},
        {"vsz", "VSZ", 6, false, fixed("0")},
        {"rss", "RSS", 5, false, fixed("0")},
        {"stime", "STIME", 5, false, start},
        {"start_time", "START", 5, false, start},
        {"start", "START", 5, false, start},
    };
}

void print_usage(std::ostream& err)
{
    err << "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
           "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
}

struct Options {
    bool all = false; // -e, -A
    bool full = false; // -f
    bool bsd_a = false, bsd_x = false, bsd_u = false;
    bool bsd = false; // BSD-style options were given
    std::vector<std::string> format; // -o
    std::vector<int> pids; // -p
};

void add_list(std::vector<std::string>& to, const std::string& list)
{
    std::string item;
    for (char ch : list + ",") {
        if (ch == ',' || ch == ' ') {
            if (!item.empty())
                to.push_back(item);
            item.clear();
        } else {
            item += ch;
        }
    }
}

// Returns an error message, or "" when the arguments make sense.
std::string parse_options(const std::vector<std::string>& args, Options& o)
{
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool sysv = a.starts_with('-');
        for (size_t k = sysv ? 1 : 0; k < a.size(); ++k) {
            char ch = a[k];
            if (ch == 'o' || (sysv && ch == 'p')) {
                std::string list = a.substr(k + 1);
                if (list.empty() && i + 1 < args.size())
                    list = args[++i];
                if (list.empty())
                    return sysv ? "error: list of process IDs must follow -" + std::string(1, ch)
                                : "error: format specification must follow o";
                if (ch == 'o') {
                    add_list(o.format, list);
                    break;
                }
                std::vector<std::string> items;
                add_list(items, list);
                for (const std::string& item : items) {
                    int pid = std::atoi(item.c_str());
                    if (pid <= 0 || item.find_first_not_of("0123456789") != std::string::npos)
                        return "error: process ID list syntax error";
                    o.pids.push_back(pid);
                }
                break;
            }
            if (sysv && (ch == 'e' || ch == 'A'))
                o.all = true;
            else if (sysv && ch == 'f')
                o.full = true;
            else if (!sysv && ch == 'a')
                o.bsd_a = o.bsd = true;
            else if (!sysv && ch == 'x')
                o.bsd_x = o.bsd = true;
            else if (!sysv && ch == 'u')
                o.bsd_u = o.bsd = true;
            else
                return sysv ? "error: unsupported SysV option" : "error: unsupported option (BSD syntax)";
        }
    }
    return "";
}

std::vector<std::string> default_format(const Options& o)
{
    if (!o.format.empty())
        return o.format;
    if (o.bsd_u)
        return {"user", "pid", "%cpu", "%mem", "vsz", "rss", "tname", "stat", "start", "bsdtime", "args"};
    if (o.bsd)
        return {"pid", "tname", "stat", "bsdtime", "args"};
    if (o.full)
        return {"uid_hack", "pid", "ppid", "c", "stime", "tname", "time", "cmd"};
    return {"pid", "tname", "time", "ucmd"};
}

bool selected(const ProcessInfo& p, const ProcessInfo& self, const Options& o)
{
    if (!o.pids.empty())
        return std::find(o.pids.begin(), o.pids.end(), p.pid) != o.pids.end();
    if (o.all || (o.bsd_a && o.bsd_x))
        return true;
    if (o.bsd_a)
        return p.tty != 0;
    if (o.bsd_x)
        return p.uid == self.uid;
    return p.uid == self.uid && p.tty == self.tty;
}

// One row: right-aligned columns padded on the left, left-aligned ones on
// the right except the last; a value wider than its column pushes the rest.
std::string row(const std::vector<const Column*>& columns, const std::vector<std::string>& values)
{
    std::string line;
    for (size_t i = 0; i < columns.size(); ++i) {
        const std::string& v = values[i];
        size_t width = static_cast<size_t>(columns[i]->width);
        size_t pad = v.size() < width ? width - v.size() : 0;
        if (i)
            line += ' ';
        if (!columns[i]->left)
            line += std::string(pad, ' ') + v;
        else
            line += v + (i + 1 < columns.size() ? std::string(pad, ' ') : "");
    }
    return line + "\n";
}

} // namespace

int cmd_ps(CommandContext& c)
{
    Options o;
    std::string problem = parse_options(c.args, o);
    if (o.full && o.bsd_u)
        problem = "error: conflicting format options";
    if (!problem.empty()) {
        c.err << problem << "\n";
        print_usage(c.err);
        return 1;
    }
    double uptime = 0;
    auto uptime_input = open_input(c, "/proc/uptime");
    if (!uptime_input.is_error())
        if (auto text = uptime_input.value()->read_all(); !text.is_error())
            uptime = std::atof(text.value().c_str());
    std::vector<Column> known = known_columns(uptime);
    std::vector<const Column*> columns;
    for (const std::string& name : default_format(o)) {
        auto it = std::find_if(known.begin(), known.end(), [&](const Column& col) { return name == col.name; });
        if (it == known.end()) {
            c.err << "error: unknown user-defined format specifier \"" << name << "\"\n";
            print_usage(c.err);
            return 1;
        }
        columns.push_back(&*it);
    }
    ProcessInfo self = read_self(c);
    std::vector<std::string> headers;
    for (const Column* col : columns)
        headers.push_back(col->header);
    std::string out = row(columns, headers);
    bool any = false;
    for (const ProcessInfo& p : read_processes(c)) {
        if (!selected(p, self, o))
            continue;
        std::vector<std::string> values;
        for (const Column* col : columns)
            values.push_back(col->value(p));
        out += row(columns, values);
        any = true;
    }
    c.out << out;
    return any ? 0 : 1; // procps: 1 when no process was selected
}

} // namespace ksim::shell
