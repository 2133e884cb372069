// The kernel log: printk's levels and continuation lines, the ring buffer, and the console.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "printk/ring_buffer.h"

namespace ksim {

// The four numbers of /proc/sys/kernel/printk.
struct PrintkLevels {
    int console_loglevel = 4; // a Debian machine booted "quiet"
    int default_message_loglevel = 4;
    int minimum_console_loglevel = 1;
    int default_console_loglevel = 7;
};

// "[    0.004512]": seconds and microseconds since boot, as the console and dmesg print them.
std::string format_log_timestamp(uint64_t timestamp_ns);

class KernelLog {
public:
    using ConsoleSink = std::function<void(std::string_view line)>;

    KernelLog();

    // Takes one printk'd message (with its KERN_* prefix, if any) as _printk
    // receives it after formatting.
    void log(std::string_view message);
    // Log a line at a level, from the kernel itself.
    void log(int level, std::string_view text);
    // A line written to /dev/kmsg by user space (facility user unless given).
    void log_user(int facility, int level, std::string_view text);

    uint64_t now_ns() const;

    RingBuffer& ring() { return m_ring; }
    const RingBuffer& ring() const { return m_ring; }
    PrintkLevels& levels() { return m_levels; }
    const PrintkLevels& levels() const { return m_levels; }

    // dmesg -C / -c move this mark; reading starts from it.
    uint64_t clear_seq() const { return m_clear_seq; }
    void clear() { m_clear_seq = m_ring.next_seq(); }

    void set_console(ConsoleSink sink) { m_console = std::move(sink); }

    // WARN_ONCE(): true the first time a warning site asks during this boot.
    bool first_warning(std::string_view site) { return m_warned_sites.emplace(site).second; }

    // Linux keeps at most 1024 - 32 bytes of text per record.
    static constexpr size_t max_line = 992;

private:
    void store_line(int level, std::string_view text, bool open_ended, int facility = 0);
    void finish_open_line();
    void emit_to_console(const LogRecord& record) const;

    using Clock = std::chrono::steady_clock;
    Clock::time_point m_boot;
    RingBuffer m_ring;
    PrintkLevels m_levels;
    uint64_t m_clear_seq = 0;
    bool m_line_open = false; // the newest record awaits pr_cont
    ConsoleSink m_console;
    std::set<std::string, std::less<>> m_warned_sites;
};

} // namespace ksim
