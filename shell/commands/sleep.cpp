// sleep: let time pass. While the shell sleeps the kernel runs the timers,
// work and tasklets that come due, as a real kernel does while user space waits.
#include <chrono>
#include <thread>

#include "shell/command.h"
#include "shell/interrupt.h"
#include "time/deferred_work.h"

namespace ksim::shell {

int cmd_sleep(CommandContext& c)
{
    double seconds = 0;
    try {
        size_t used = 0;
        seconds = c.args.size() == 2 ? std::stod(c.args[1], &used) : -1;
        if (used != c.args[1].size() || seconds < 0)
            throw std::invalid_argument(c.args[1]);
    } catch (const std::exception&) {
        c.err << (c.args.size() < 2 ? "sleep: missing operand\n"
                                    : "sleep: invalid time interval '" + c.args[1] + "'\n");
        return 1;
    }
    using namespace std::chrono;
    uint64_t end = c.kernel.log().now_ns() + static_cast<uint64_t>(seconds * 1e9);
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
