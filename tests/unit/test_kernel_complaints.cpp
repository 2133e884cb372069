// The checker's reading of the kernel's complaints: every kind Linux prints for a bug it survives, and nothing else.
#include <doctest/doctest.h>

#include "shell/lessons/kernel_complaints.h"

using namespace ksim::lessons;

namespace {

std::vector<ObservedRecord> records(const std::vector<std::string>& lines)
{
    std::vector<ObservedRecord> out;
    uint64_t seq = 2;
    for (const std::string& line : lines)
        out.push_back({seq++, 4, line});
    return out;
}

} // namespace

TEST_CASE("each kind of kernel complaint is found, by its first line")
{
    const std::vector<std::string> lines = {
        "WARNING: CPU: 0 PID: 1 at hello.c:12 hello_init+0x1f/0x40 [hello]",
        "kfree: invalid pointer 00000000deadbeef (double free, or not from kmalloc)",
        "kmem_cache_free: things: invalid pointer 00000000deadbeef (double free, or not from this cache)",
        "buggy seq_file .next function demo_next [demo] did not update position index",
        "BUG: sleeping function called from invalid context at demo.c:40",
        "BUG: scheduling while atomic: insmod/1/0x00000002",
        "WARNING: possible circular locking dependency detected",
        "WARNING: possible recursive locking detected",
        "watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [insmod:1]",
    };
    for (const std::string& line : lines) {
        CAPTURE(line);
        auto found = kernel_complaints(records({"hello: loaded", line, "in_atomic(): 1"}));
        REQUIRE(found.size() == 1);
        CHECK(found[0].line == line);
        CHECK_FALSE(found[0].leak);
    }
}

TEST_CASE("leak reports at unload are complaints marked as leaks")
{
    auto found = kernel_complaints(records({"hello: 1 allocation (64 bytes) not freed at unload",
        "hello: unreferenced object 0xffff888000001000 (size 64):",
        "hello: misc device still registered after unload; the next use oopses"}));
    REQUIRE(found.size() == 3);
    for (const Complaint& c : found)
        CHECK(c.leak);
}

TEST_CASE("a WARN's message comes with its WARNING line; WARN_ON has none")
{
    auto found = kernel_complaints(records({"------------[ cut here ]------------", "counter went negative",
        "WARNING: CPU: 0 PID: 1 at demo.c:7 demo_exit+0x10/0x20 [demo]", "------------[ cut here ]------------",
        "WARNING: CPU: 0 PID: 1 at demo.c:9 demo_exit+0x30/0x40 [demo]"}));
    REQUIRE(found.size() == 2);
    CHECK(found[0].context == "counter went negative");
    CHECK(found[1].context.empty());
}

TEST_CASE("ordinary lines, an Oops and a learner's own printk are not complaints")
{
    auto found = kernel_complaints(records({"Hello, world",
        "BUG: kernel NULL pointer dereference, address: 0000000000000000", "Oops: 0002 [#1] PREEMPT SMP NOPTI",
        "my module: WARNING ignored", "kfree called twice? no", "hello: loading out-of-tree module taints kernel."}));
    CHECK(found.empty());
}
