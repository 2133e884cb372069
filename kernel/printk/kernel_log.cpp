// The kernel log (see kernel_log.h).
#include "printk/kernel_log.h"

#include <cstdio>
#include <iostream>

namespace ksim {

std::string format_log_timestamp(uint64_t timestamp_ns)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "[%5lu.%06lu]", static_cast<unsigned long>(timestamp_ns / 1000000000),
        static_cast<unsigned long>(timestamp_ns % 1000000000 / 1000));
    return buffer;
}

KernelLog::KernelLog()
    : m_boot(Clock::now())
    , m_console([](std::string_view line) { std::cerr << line << std::flush; })
{
}

uint64_t KernelLog::now_ns() const
{
    return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - m_boot).count());
}

void KernelLog::log(int level, std::string_view text)
{
    std::string message = "\001";
    message += static_cast<char>('0' + level);
    message += text;
    message += '\n';
    log(message);
}

void KernelLog::log(std::string_view message)
{
    int level = -1;
    bool continuation = false;
    // Several KERN_SOH prefixes may stack ("\0016\001c"); each is consumed.
    while (message.size() >= 2 && message[0] == '\001') {
        char tag = message[1];
        if (tag >= '0' && tag <= '7')
            level = tag - '0';
        else if (tag == 'c')
            continuation = true;
        message.remove_prefix(2);
    }

    if (continuation && m_line_open && level < 0) {
        size_t newline = message.find('\n');
        std::string_view piece = message.substr(0, newline);
        const LogRecord& last = m_ring.last();
        size_t room = last.text.size() < max_line ? max_line - last.text.size() : 0;
        m_ring.append_to_last(piece.substr(0, room));
        if (newline == std::string_view::npos)
            return;
        finish_open_line();
        message.remove_prefix(newline + 1);
        if (message.empty())
            return;
    } else {
        finish_open_line();
    }
    if (level < 0)
        level = m_levels.default_message_loglevel;

    // Embedded newlines make separate records, each with the same level.
    while (true) {
        size_t newline = message.find('\n');
        if (newline == std::string_view::npos) {
            store_line(level, message, true);
            return;
        }
        store_line(level, message.substr(0, newline), false);
        message.remove_prefix(newline + 1);
        if (message.empty())
            return;
    }
}

void KernelLog::log_user(int facility, int level, std::string_view text)
{
    finish_open_line();
    store_line(level, text, false, facility);
}

void KernelLog::store_line(int level, std::string_view text, bool open_ended, int facility)
{
    m_ring.append(now_ns(), level, facility, std::string(text.substr(0, max_line)));
    m_line_open = open_ended;
    if (!open_ended)
        emit_to_console(m_ring.last());
}

void KernelLog::finish_open_line()
{
    if (!m_line_open)
        return;
    m_line_open = false;
    emit_to_console(m_ring.last());
}

void KernelLog::emit_to_console(const LogRecord& record) const
{
    if (record.level >= m_levels.console_loglevel || !m_console)
        return;
    m_console(format_log_timestamp(record.timestamp_ns) + " " + record.text + "\n");
}

} // namespace ksim
