// The printk ring buffer: fixed-size storage of log records, oldest overwritten first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ksim {

struct LogRecord {
    uint64_t seq;
    uint64_t timestamp_ns; // since boot
    int level; // 0 (emerg) .. 7 (debug)
    int facility; // 0 kern, 1 user
    std::string text; // the message without its trailing newline; may hold more lines
};

class RingBuffer {
public:
    // Linux's default is 1 << CONFIG_LOG_BUF_SHIFT = 128 KiB.
    static constexpr size_t default_capacity = size_t {1} << 17;

    explicit RingBuffer(size_t capacity_bytes = default_capacity);

    // Stores a record and returns its sequence number; evicts the oldest
    // records until the new one fits.
    uint64_t append(uint64_t timestamp_ns, int level, int facility, std::string text);

    // Extends the newest record (pr_cont), keeping the budget honest.
    void append_to_last(std::string_view more);

    // Records with seq >= from, oldest first.
    std::vector<LogRecord> read_from(uint64_t from) const;

    LogRecord last() const; // requires a record
    uint64_t first_seq() const; // oldest record still stored
    uint64_t next_seq() const;
    size_t used_bytes() const;
    size_t capacity() const { return m_capacity; }

    // What one record costs in the buffer: a descriptor plus its text,
    // rounded up to 8 bytes as the kernel's data ring aligns them.
    static size_t record_cost(size_t text_length);

private:
    // printk runs on every task's thread while dmesg reads: logbuf_lock.
    mutable std::mutex m_lock;
    size_t m_capacity;
    size_t m_used = 0;
    uint64_t m_next_seq = 0;
    std::deque<LogRecord> m_records;
};

} // namespace ksim
