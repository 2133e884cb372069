// The kernel log (see kernel_log.h).
#include "printk/kernel_log.h"

#include <cerrno>

#include "locking/spin.h"
#include "sched/scheduler.h"
#include "sched/wait_list.h"

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
    , m_readers {{0}, {&m_readers.head, &m_readers.head}}
{
}

ErrorOr<void> KernelLog::wait_for_record(uint64_t seq)
{
    SpinGuard guard(&m_readers.lock);
    long woke = sleep_on_list(&m_readers.lock, &m_readers.head, KSIM_TASK_INTERRUPTIBLE, max_schedule_timeout, false,
        [&] { return m_ring.next_seq() > seq; });
    if (woke < 0)
        return Errno {EINTR};
    return {};
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
    std::lock_guard lock(m_lock);
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

    // One printk is one record: Linux keeps embedded newlines in the text
    // (dmesg indents the lines after the first); only a trailing newline
    // ends the record, which pr_cont may otherwise extend.
    bool ends_line = message.ends_with('\n');
    if (ends_line)
        message.remove_suffix(1);
    if (continuation && m_line_open && level < 0) {
        LogRecord last = m_ring.last();
        size_t room = last.text.size() < max_line ? max_line - last.text.size() : 0;
        m_ring.append_to_last(message.substr(0, room));
        if (ends_line)
            finish_open_line();
        return;
    }
    finish_open_line();
    if (level < 0)
        level = m_levels.default_message_loglevel;
    store_record(level, message, !ends_line);
}

void KernelLog::log_user(int facility, int level, std::string_view text)
{
    std::lock_guard lock(m_lock);
    finish_open_line();
    store_record(level, text, false, facility);
}

void KernelLog::store_record(int level, std::string_view text, bool open_ended, int facility)
{
    m_ring.append(now_ns(), level, facility, std::string(text.substr(0, max_line)));
    {
        SpinGuard guard(&m_readers.lock);
        wake_list(&m_readers.head, KSIM_TASK_INTERRUPTIBLE, 0);
    }
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
    // The console repeats the prefix on each line of a record (record_print_text()).
    std::string prefix = format_log_timestamp(record.timestamp_ns) + " ";
    std::string lines = prefix;
    for (char c : record.text) {
        lines += c;
        if (c == '\n')
            lines += prefix;
    }
    m_console(lines + "\n");
}

} // namespace ksim
