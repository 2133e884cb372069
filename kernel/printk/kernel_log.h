// The kernel log: printk's levels and continuation lines, the ring buffer, and the console.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include <ksim/sched_abi.h>

#include "core/error_or.h"
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
    void clear()
    {
        std::lock_guard lock(m_lock);
        m_clear_seq = m_ring.next_seq();
    }

    void set_console(ConsoleSink sink) { m_console = std::move(sink); }

    // WARN_ONCE(): true the first time a warning site asks during this boot.
    bool first_warning(std::string_view site)
    {
        std::lock_guard lock(m_lock);
        return m_warned_sites.emplace(site).second;
    }

    // syslog(2)'s actions (Linux's do_syslog(), in syslog.cpp) for a caller
    // already allowed them: the number it returns, and for the reading
    // actions the text, at most `length` bytes, in `text`.
    ErrorOr<long> syslog(int action, int length, std::string& text);

    // check_syslog_permissions(): may a caller with (or without) CAP_SYSLOG
    // run `action`? /dev/kmsg asks for SYSLOG_ACTION_READ_ALL at open.
    bool syslog_permitted(int action, bool cap_syslog) const;

    // kernel.dmesg_restrict: reading the log needs CAP_SYSLOG. Linux's
    // default (CONFIG_SECURITY_DMESG_RESTRICT=n) is 0; Debian sets 1.
    bool dmesg_restrict() const { return m_dmesg_restrict; }
    void set_dmesg_restrict(bool on) { m_dmesg_restrict = on; }

    // Sleeps the calling task until a record numbered `seq` or later is
    // stored (a /dev/kmsg reader, dmesg -w); EINTR if a signal comes first.
    ErrorOr<void> wait_for_record(uint64_t seq);

    // Linux keeps at most 1024 - 32 bytes of text per record.
    static constexpr size_t max_line = 992;

private:
    void store_record(int level, std::string_view text, bool open_ended, int facility = 0);
    void finish_open_line();
    void emit_to_console(const LogRecord& record) const;
    std::string syslog_read(size_t length);
    std::string syslog_read_all(size_t length, bool clear);
    long syslog_size_unread();

    using Clock = std::chrono::steady_clock;
    // Every task's thread prints: one message is stored whole before the next.
    std::recursive_mutex m_lock;
    Clock::time_point m_boot;
    RingBuffer m_ring;
    PrintkLevels m_levels;
    uint64_t m_clear_seq = 0;
    uint64_t m_syslog_seq = 0; // the next record syslog(SYSLOG_ACTION_READ) returns
    size_t m_syslog_partial = 0; // bytes of that record already returned
    int m_saved_console_loglevel = -1; // console level before SYSLOG_ACTION_CONSOLE_OFF
    std::atomic<bool> m_dmesg_restrict = false;
    bool m_line_open = false; // the newest record awaits pr_cont
    ConsoleSink m_console;
    std::set<std::string, std::less<>> m_warned_sites;
    struct wait_queue_head m_readers; // tasks waiting for the next record (log_wait)
};

} // namespace ksim
