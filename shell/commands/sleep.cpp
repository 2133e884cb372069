// sleep: let time pass. While the shell sleeps the kernel runs the timers,
// work and tasklets that come due, as a real kernel does while user space waits.
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <string_view>

#include "shell/command.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

// "1.5", "2m", "inf": seconds as coreutils' sleep reads them (suffix s, m, h or d); nullopt when invalid.
std::optional<double> parse_interval(const std::string& text)
{
    const char* start = text.c_str();
    char* end = nullptr;
    double seconds = std::strtod(start, &end); // ERANGE is fine: too big means forever
    if (end == start || !(seconds >= 0)) // NaN fails this too
        return std::nullopt;
    static const std::map<std::string_view, double> units = {{"", 1}, {"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}};
    auto unit = units.find(std::string_view(end, start + text.size() - end));
    if (unit == units.end())
        return std::nullopt;
    return seconds * unit->second;
}

} // namespace

int cmd_sleep(CommandContext& c)
{
    if (c.args.size() < 2) {
        c.err << "sleep: missing operand\nTry 'sleep --help' for more information.\n";
        return 1;
    }
    // Only --help and --version are options (getopt's words for anything else); -- ends them.
    size_t first = 1;
    if (c.args[1] == "--") {
        first = 2;
    } else if (c.args[1].size() > 1 && c.args[1][0] == '-') {
        if (c.args[1].starts_with("--"))
            c.err << "sleep: unrecognized option '" << c.args[1] << "'\n";
        else
            c.err << "sleep: invalid option -- '" << c.args[1][1] << "'\n";
        c.err << "Try 'sleep --help' for more information.\n";
        return 1;
    }
    if (first >= c.args.size()) {
        c.err << "sleep: missing operand\nTry 'sleep --help' for more information.\n";
        return 1;
    }
    double seconds = 0;
    bool valid = true;
    for (size_t i = first; i < c.args.size(); ++i) {
        auto interval = parse_interval(c.args[i]);
        if (!interval) {
            c.err << "sleep: invalid time interval '" << c.args[i] << "'\n";
            valid = false;
            continue;
        }
        seconds += *interval;
    }
    if (!valid) {
        c.err << "Try 'sleep --help' for more information.\n";
        return 1;
    }
    // GNU sleep's xnanosleep(): one nanosleep, the seconds capped where
    // time_t ends (sleep inf then lasts until a signal).
    struct timespec request;
    double whole = std::floor(seconds);
    if (whole >= static_cast<double>(std::numeric_limits<time_t>::max())) {
        request = {std::numeric_limits<time_t>::max(), 999'999'999};
    } else {
        request.tv_sec = static_cast<time_t>(whole);
        request.tv_nsec = std::min(999'999'999L, static_cast<long>(std::ceil((seconds - whole) * 1e9)));
    }
    // A signal that does not end the process only interrupts the sleep: the rest follows.
    for (struct timespec left; long slept = sys::nanosleep(&request, &left); request = left) {
        int error = static_cast<int>(-slept);
        if (task_died(error))
            return task_death_status(error);
        if (error != EINTR)
            return report_error(c, "cannot read realtime clock", error);
    }
    return 0;
}

} // namespace ksim::shell
