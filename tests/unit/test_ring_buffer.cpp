// The printk ring buffer and the kernel log's levels, continuation lines and console.
#include <doctest/doctest.h>

#include "printk/kernel_log.h"
#include "printk/ring_buffer.h"

using namespace ksim;

TEST_CASE("ring buffer overwrites the oldest records and keeps sequence numbers")
{
    RingBuffer ring(RingBuffer::record_cost(8) * 3);
    for (int i = 0; i < 5; ++i)
        ring.append(static_cast<uint64_t>(i), 6, 0, "line " + std::to_string(i) + "!!");
    auto records = ring.read_from(0);
    REQUIRE(records.size() == 3);
    CHECK(records.front().seq == 2);
    CHECK(records.front().text == "line 2!!");
    CHECK(ring.first_seq() == 2);
    CHECK(ring.next_seq() == 5);
    CHECK(ring.used_bytes() <= ring.capacity());
}

TEST_CASE("default ring is Linux's 128 KiB and wraps under load")
{
    RingBuffer ring;
    CHECK(ring.capacity() == 131072);
    for (int i = 0; i < 10000; ++i)
        ring.append(0, 6, 0, std::string(100, 'x'));
    CHECK(ring.used_bytes() <= 131072);
    CHECK(ring.first_seq() > 0);
    CHECK(ring.read_from(0).back().seq == 9999);
}

TEST_CASE("printk levels, embedded newlines, pr_cont and truncation")
{
    KernelLog log;
    std::vector<std::string> console;
    log.set_console([&](std::string_view line) { console.emplace_back(line); });
    uint64_t start = log.ring().next_seq();
    log.log("\0016Hello\nworld\n");
    log.log("no level\n");
    log.log("\0013part one");
    log.log("\001c, part two\nand a line\n");
    log.log("\0017" + std::string(2000, 'y') + "\n");
    auto records = log.ring().read_from(start);
    REQUIRE(records.size() == 4);
    // One printk is one record, embedded newline and all.
    CHECK(records[0].text == "Hello\nworld");
    CHECK(records[0].level == 6);
    CHECK(records[1].level == 4); // default_message_loglevel
    CHECK(records[2].text == "part one, part two\nand a line");
    CHECK(records[2].level == 3);
    CHECK(records[3].text.size() == KernelLog::max_line);
    // Only levels below the console loglevel (4) reach the console, each line with the timestamp.
    REQUIRE(console.size() == 1);
    CHECK(console[0].find("] part one, part two\n[") == 13);
    CHECK(console[0].ends_with("] and a line\n"));
}

TEST_CASE("timestamps print as Linux's [%5lu.%06lu]")
{
    CHECK(format_log_timestamp(4512000) == "[    0.004512]");
    CHECK(format_log_timestamp(123456789012345ULL) == "[123456.789012]");
}
