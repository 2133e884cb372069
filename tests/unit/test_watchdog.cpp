// The soft-lockup watchdog: its threshold arithmetic (Linux's is_softlockup()),
// the /proc/sys/kernel/watchdog_thresh knob, and a report for a thread that
// spins in "module code". The report is awaited by polling the log with a
// deadline, never by sleeping a fixed time.
#include <doctest/doctest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <string>
#include <thread>

#include "core/kernel.h"
#include "fs/vfs.h"
#include "sched/module_code.h"
#include "sched/scheduler.h"
#include "sched/sysctl_integer.h"
#include "sched/watchdog.h"

using namespace ksim;

namespace {

const Task root {1, "sh", 0, nullptr};
const Task learner {2, "sh", 1000, nullptr};

std::string log_text(Kernel& kernel)
{
    std::string all;
    for (const auto& record : kernel.log().ring().read_from(0))
        all += record.text + "\n";
    return all;
}

} // namespace

TEST_CASE("a soft lockup is due once the report period passed twice watchdog_thresh")
{
    // Linux's default (10): touched at 0, stuck from timestamp 21 on.
    CHECK(softlockup_duration(20, 0, 0, 10) == 0);
    CHECK(softlockup_duration(21, 0, 0, 10) == 21);
    // ksim's default (2): from 5 on; the next report waits for a new period.
    CHECK(softlockup_duration(4, 0, 0, 2) == 0);
    CHECK(softlockup_duration(5, 0, 0, 2) == 5);
    CHECK(softlockup_duration(9, 0, 5, 2) == 0);
    CHECK(softlockup_duration(10, 0, 5, 2) == 10); // "stuck for" counts from the touch
    // watchdog_thresh=0 turns the detector off.
    CHECK(softlockup_duration(1000, 0, 0, 0) == 0);
    // Timestamps are 2^30 ns; the timer samples five times per threshold.
    CHECK(watchdog_timestamp(uint64_t {1} << 30) == 1);
    CHECK(watchdog_timestamp((uint64_t {1} << 30) - 1) == 0);
    CHECK(watchdog_sample_period_ns(10) == 4'000'000'000);
    CHECK(watchdog_sample_period_ns(2) == 800'000'000);
}

TEST_CASE("sysctl numbers are parsed as proc_dointvec_minmax() parses them")
{
    CHECK(parse_sysctl_integer("5\n", 0, 60).value() == 5);
    CHECK(parse_sysctl_integer("  7 8\n", 0, 60).value() == 7); // the first number only
    CHECK(parse_sysctl_integer("0x10", 0, 60).value() == 16);
    CHECK(parse_sysctl_integer("010", 0, 60).value() == 8);
    CHECK(parse_sysctl_integer("61", 0, 60).error() == EINVAL);
    CHECK(parse_sysctl_integer("-1", 0, 60).error() == EINVAL);
    CHECK(parse_sysctl_integer("5x", 0, 60).error() == EINVAL);
    CHECK(parse_sysctl_integer("\n", 0, 60).error() == EINVAL);
    CHECK(parse_sysctl_integer("", 0, 60).error() == EINVAL);
}

TEST_CASE("/proc/sys/kernel/watchdog_thresh: 2 by default, 0 to 60, root only")
{
    Kernel kernel;
    VirtualFs& vfs = kernel.vfs();
    const char* path = "/proc/sys/kernel/watchdog_thresh";
    CHECK(vfs.read(root, path).value() == "2\n");
    CHECK(vfs.write(learner, path, "5\n").error() == EACCES);
    CHECK(vfs.write(root, path, "61\n").error() == EINVAL);
    CHECK(vfs.write(root, path, "ten\n").error() == EINVAL);
    CHECK(vfs.read(root, path).value() == "2\n");
    CHECK_FALSE(vfs.write(root, path, "10\n").is_error());
    CHECK(vfs.read(root, path).value() == "10\n");
    CHECK_FALSE(vfs.write(root, path, "0\n").is_error());
    CHECK(vfs.read(root, path).value() == "0\n");
}

TEST_CASE("a thread that spins in module code is reported with its registers, then tainted L")
{
    Kernel kernel;
    REQUIRE_FALSE(kernel.vfs().write(root, "/proc/sys/kernel/watchdog_thresh", "1\n").is_error());
    std::atomic<bool> stop {false};
    std::thread spinner([&] {
        kernel.set_task(Task {4242, "spinner", 0, nullptr});
        KernelTask& self = *Scheduler::current();
        std::initializer_list<const char*> frames = {"do_one_initcall+0x56/0x230"}; // outlives the scope
        ModuleCodeScope in_module(self, frames);
        while (!stop.load())
            ; // no scheduling point
    });
    // The taint comes last, once the whole report is in the log.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!kernel.taint().test(TaintFlag::SoftLockup) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
    spinner.join();
    std::string log = log_text(kernel);
    CHECK(log.find("watchdog: BUG: soft lockup - CPU#") != std::string::npos);
    CHECK(log.find("! [spinner:4242]\nModules linked in:\nCPU: ") != std::string::npos);
    CHECK(log.find("Comm: spinner Not tainted 6.1.0-ksim #1\nHardware name: ") != std::string::npos);
    CHECK(log.find("\nRIP: 0010:") != std::string::npos);
    CHECK(log.find(" do_one_initcall+0x56/0x230\n </TASK>") != std::string::npos);
    CHECK(kernel.taint().test(TaintFlag::SoftLockup));
}
