// sleep: let time pass. While the shell sleeps the kernel runs the timers,
// work and tasklets that come due, as a real kernel does while user space waits.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>
#include <thread>

#include "shell/command.h"
#include "shell/interrupt.h"
#include "time/deferred_work.h"

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
    using namespace std::chrono;
    // Beyond what the clock can count (sleep inf) means until interrupted.
    uint64_t start = c.kernel.log().now_ns();
    double wanted = seconds * 1e9;
    uint64_t end
        = wanted < static_cast<double>(UINT64_MAX - start) ? start + static_cast<uint64_t>(wanted) : UINT64_MAX;
    while (c.kernel.log().now_ns() < end) {
        if (interrupt_requested())
            return 130;
        c.kernel.run_deferred_work();
        uint64_t now = c.kernel.log().now_ns(), next = c.kernel.deferred_work().next_timer_ns(c.kernel);
        uint64_t until = next && next < end ? std::max(next, now) : end;
        // Short naps, so Ctrl-C is noticed.
        std::this_thread::sleep_for(nanoseconds(std::min<uint64_t>(until - now, 50'000'000)));
    }
    c.kernel.run_deferred_work();
    return 0;
}

} // namespace ksim::shell
