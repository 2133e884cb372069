// syslog(2)'s actions on the kernel log (Linux's do_syslog() in kernel/printk/printk.c).
// Who may run them is the system call's business (syscalls/syslog.cpp).
#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "printk/kernel_log.h"
#include "syscalls/syscalls.h"

namespace ksim {

namespace {

// A record as syslog(2) and /proc/kmsg give it (record_print_text() with
// syslog set): each of its lines starts "<prio>[    t.tttttt] " and ends '\n'.
std::string syslog_format(const LogRecord& r)
{
    char priority[16];
    std::snprintf(priority, sizeof priority, "<%d>", r.facility << 3 | r.level);
    std::string prefix = priority;
    prefix += format_log_timestamp(r.timestamp_ns);
    prefix += ' ';
    std::string text = prefix;
    for (char c : r.text) {
        text += c;
        if (c == '\n')
            text += prefix;
    }
    text += '\n';
    return text;
}

} // namespace

bool KernelLog::syslog_permitted(int action, bool cap_syslog) const
{
    // syslog_action_restricted(): reading the whole log and asking its size
    // are open to everyone unless kernel.dmesg_restrict is set.
    bool restricted
        = m_dmesg_restrict || (action != sys::SYSLOG_ACTION_READ_ALL && action != sys::SYSLOG_ACTION_SIZE_BUFFER);
    return cap_syslog || !restricted;
}

ErrorOr<long> KernelLog::syslog(int action, int length, std::string& text)
{
    switch (action) {
    case sys::SYSLOG_ACTION_CLOSE:
    case sys::SYSLOG_ACTION_OPEN:
        return 0;
    case sys::SYSLOG_ACTION_READ:
    case sys::SYSLOG_ACTION_READ_ALL:
    case sys::SYSLOG_ACTION_READ_CLEAR:
        if (length < 0)
            return Errno {EINVAL};
        if (length == 0)
            return 0;
        if (action == sys::SYSLOG_ACTION_READ) {
            // syslog_print(): sleeps until there is something unread.
            uint64_t unread = [this] {
                std::lock_guard lock(m_lock);
                return m_syslog_seq;
            }();
            if (auto waited = wait_for_record(unread); waited.is_error())
                return Errno {waited.error()};
            text = syslog_read(static_cast<size_t>(length));
        } else {
            text = syslog_read_all(static_cast<size_t>(length), action == sys::SYSLOG_ACTION_READ_CLEAR);
        }
        return static_cast<long>(text.size());
    case sys::SYSLOG_ACTION_CLEAR:
        clear();
        return 0;
    case sys::SYSLOG_ACTION_CONSOLE_OFF: {
        std::lock_guard lock(m_lock);
        if (m_saved_console_loglevel == -1) {
            m_saved_console_loglevel = m_levels.console_loglevel;
            m_levels.console_loglevel = m_levels.minimum_console_loglevel;
        }
        return 0;
    }
    case sys::SYSLOG_ACTION_CONSOLE_ON: {
        std::lock_guard lock(m_lock);
        if (m_saved_console_loglevel != -1) {
            m_levels.console_loglevel = m_saved_console_loglevel;
            m_saved_console_loglevel = -1;
        }
        return 0;
    }
    case sys::SYSLOG_ACTION_CONSOLE_LEVEL: {
        if (length < 1 || length > 8)
            return Errno {EINVAL};
        std::lock_guard lock(m_lock);
        m_levels.console_loglevel = std::max(length, m_levels.minimum_console_loglevel);
        // An explicit level outlives an earlier CONSOLE_OFF.
        m_saved_console_loglevel = -1;
        return 0;
    }
    case sys::SYSLOG_ACTION_SIZE_UNREAD:
        return syslog_size_unread();
    case sys::SYSLOG_ACTION_SIZE_BUFFER:
        return static_cast<long>(m_ring.capacity());
    default:
        return Errno {EINVAL};
    }
}

// syslog_print(): the unread records that fit, consuming them; a record
// longer than the buffer is returned in pieces, as Linux's syslog_partial.
std::string KernelLog::syslog_read(size_t length)
{
    std::lock_guard lock(m_lock);
    if (m_syslog_seq < m_ring.first_seq()) {
        m_syslog_seq = m_ring.first_seq(); // overwritten before anyone read them
        m_syslog_partial = 0;
    }
    std::string out;
    for (const LogRecord& r : m_ring.read_from(m_syslog_seq)) {
        std::string text = syslog_format(r).substr(m_syslog_partial);
        if (out.size() + text.size() > length) {
            if (out.empty()) {
                m_syslog_partial += length;
                return text.substr(0, length);
            }
            break;
        }
        out += text;
        m_syslog_seq = r.seq + 1;
        m_syslog_partial = 0;
    }
    return out;
}

// syslog_print_all(): the newest records since the clear mark that fit in
// `length` bytes, whole, oldest first.
std::string KernelLog::syslog_read_all(size_t length, bool clear)
{
    std::lock_guard lock(m_lock);
    std::vector<std::string> texts;
    uint64_t next = std::max(m_clear_seq, m_ring.first_seq());
    for (const LogRecord& r : m_ring.read_from(next)) {
        texts.push_back(syslog_format(r));
        next = r.seq + 1;
    }
    size_t first = texts.size(), total = 0;
    while (first > 0 && total + texts[first - 1].size() <= length)
        total += texts[--first].size();
    std::string out;
    for (size_t i = first; i < texts.size(); ++i)
        out += texts[i];
    if (clear)
        m_clear_seq = next;
    return out;
}

long KernelLog::syslog_size_unread()
{
    std::lock_guard lock(m_lock);
    size_t unread = 0;
    for (const LogRecord& r : m_ring.read_from(std::max(m_syslog_seq, m_ring.first_seq())))
        unread += syslog_format(r).size();
    return static_cast<long>(unread - std::min(unread, m_syslog_partial));
}

} // namespace ksim
