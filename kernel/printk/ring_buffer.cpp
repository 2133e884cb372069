// The printk ring buffer (see ring_buffer.h).
#include "printk/ring_buffer.h"

#include <algorithm>

namespace ksim {

namespace {
constexpr size_t descriptor_bytes = 24; // seq, timestamp, level/facility/length
}

RingBuffer::RingBuffer(size_t capacity_bytes)
    : m_capacity(capacity_bytes)
{
}

size_t RingBuffer::record_cost(size_t text_length)
{
    return descriptor_bytes + ((text_length + 7) & ~size_t {7});
}

uint64_t RingBuffer::append(uint64_t timestamp_ns, int level, int facility, std::string text)
{
    std::lock_guard lock(m_lock);
    size_t cost = record_cost(text.size());
    if (cost > m_capacity) {
        text.resize(m_capacity - descriptor_bytes);
        cost = record_cost(text.size());
    }
    while (m_used + cost > m_capacity && !m_records.empty()) {
        m_used -= record_cost(m_records.front().text.size());
        m_records.pop_front();
    }
    uint64_t seq = m_next_seq++;
    m_records.push_back(LogRecord {seq, timestamp_ns, level, facility, std::move(text)});
    m_used += cost;
    return seq;
}

void RingBuffer::append_to_last(std::string_view more)
{
    std::lock_guard lock(m_lock);
    if (m_records.empty())
        return;
    LogRecord& last = m_records.back();
    m_used -= record_cost(last.text.size());
    last.text.append(more);
    m_used += record_cost(last.text.size());
    // Growing the newest record may push out the oldest ones, never itself.
    while (m_used > m_capacity && m_records.size() > 1) {
        m_used -= record_cost(m_records.front().text.size());
        m_records.pop_front();
    }
}

std::vector<LogRecord> RingBuffer::read_from(uint64_t from) const
{
    std::lock_guard lock(m_lock);
    auto first = std::find_if(m_records.begin(), m_records.end(), [from](const LogRecord& r) { return r.seq >= from; });
    return {first, m_records.end()};
}

uint64_t RingBuffer::first_seq() const
{
    std::lock_guard lock(m_lock);
    return m_records.empty() ? m_next_seq : m_records.front().seq;
}

LogRecord RingBuffer::last() const
{
    std::lock_guard lock(m_lock);
    return m_records.back();
}

uint64_t RingBuffer::next_seq() const
{
    std::lock_guard lock(m_lock);
    return m_next_seq;
}

size_t RingBuffer::used_bytes() const
{
    std::lock_guard lock(m_lock);
    return m_used;
}

} // namespace ksim
