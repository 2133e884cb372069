// Files the way drivers serve them: char device numbers, misc minors, user memory, seq_file reads.
#include <doctest/doctest.h>

#include <cerrno>

#include "bundled_modules.h"
#include "drivers/char_dev.h"
#include "drivers/misc_device.h"
#include "fs/vfs.h"
#include "uaccess/user_memory.h"

extern "C" unsigned long _copy_to_user(void* to, const void* from, unsigned long n);
extern "C" unsigned long _copy_from_user(void* to, const void* from, unsigned long n);
extern "C" long strncpy_from_user(char* dst, const char* src, long count);

using namespace ksim;
using namespace ksim::test;

TEST_CASE("char device regions: dynamic majors, overlaps and Linux's errors")
{
    KernelLog log;
    CharDeviceRegistry registry;
    CHECK(registry.register_region(0, 0, 256, "first", 1, log).value() == 254);
    CHECK(registry.register_region(0, 0, 1, "second", 1, log).value() == 253);
    CHECK(registry.register_region(240, 0, 4, "fixed", 1, log).value() == 240);
    CHECK(registry.register_region(240, 2, 4, "overlap", 1, log).error() == EBUSY);
    CHECK(registry.register_region(240, 4, 4, "beside", 1, log).value() == 240);
    CHECK(registry.register_region(512, 0, 1, "huge", 1, log).error() == EINVAL);
    CHECK(log.ring().last().text == "CHRDEV \"huge\" major requested (512) is greater than the maximum (511)");
    CHECK(registry.register_region(7, 1048575, 2, "wide", 1, log).error() == EINVAL);
    CHECK(log.ring().last().text
        == "CHRDEV \"wide\" minor range requested (1048575-1048576) is out of range of maximum range (0-1048575) "
           "for a single major");
    CHECK(registry.proc_devices() == "Character devices:\n240 fixed\n240 beside\n253 second\n254 first\n");
    CHECK_FALSE(registry.unregister_region(240, 0, 3)); // only the exact region is released
    registry.unregister_region(240, 0, 4);
    CHECK(registry.register_region(0, 0, 1, "third", 1, log).value() == 252);
}

TEST_CASE("the dynamic majors run out after 254..234 and 511..384")
{
    KernelLog log;
    CharDeviceRegistry registry;
    for (int i = 0; i < 21 + 128; ++i)
        REQUIRE_FALSE(registry.register_region(0, 0, 1, "d", 1, log).is_error());
    CHECK(registry.register_region(0, 0, 1, "last", 1, log).error() == EBUSY);
    CHECK(log.ring().last().text == "CHRDEV \"last\" dynamic allocation region is full");
}

TEST_CASE("cdevs are found by any device number in their range, newest first")
{
    CharDeviceRegistry registry;
    struct cdev a {
    }, b {};
    a.dev = make_dev(240, 0);
    a.count = 4;
    b.dev = make_dev(240, 2);
    b.count = 1;
    registry.add_cdev(&a, 1);
    CHECK(registry.find_cdev(make_dev(240, 3)).cdev == &a);
    registry.add_cdev(&b, 2);
    CHECK(registry.find_cdev(make_dev(240, 2)).cdev == &b);
    CHECK(registry.find_cdev(make_dev(240, 4)).cdev == nullptr);
    CHECK(registry.abandon(2) == std::vector<std::string> {"cdev 240:2"});
    CHECK(registry.find_cdev(make_dev(240, 2)).stale);
    registry.remove_cdev(&b);
    CHECK(registry.find_cdev(make_dev(240, 2)).cdev == &a);
}

TEST_CASE("misc minors: dynamic from 127 down, fixed ones exclusive")
{
    MiscDevices misc;
    struct miscdevice one {
    }, two {}, fixed {}, clash {};
    one.minor = two.minor = misc_dynamic_minor;
    one.name = "one";
    two.name = "two";
    fixed.minor = clash.minor = 130;
    fixed.name = "fixed";
    REQUIRE_FALSE(misc.add(&one, 1).is_error());
    REQUIRE_FALSE(misc.add(&two, 1).is_error());
    REQUIRE_FALSE(misc.add(&fixed, 1).is_error());
    CHECK(one.minor == 127);
    CHECK(two.minor == 126);
    CHECK(misc.add(&clash, 1).error() == EBUSY);
    CHECK(misc.proc_misc() == "130 fixed\n126 two\n127 one\n");
    CHECK(misc.find(126).device == &two);
}

TEST_CASE("user memory: only copy_*_user crosses, and only within the task's space")
{
    Kernel kernel;
    auto memory = UserMemory::create(1 << 20);
    REQUIRE(memory);
    kernel.set_task(Task {30, "cat", 1000, memory});
    uintptr_t user = memory->store("hello");
    char kernel_buffer[8] = {};
    CHECK(_copy_from_user(kernel_buffer, reinterpret_cast<void*>(user), 5) == 0);
    CHECK(std::string(kernel_buffer) == "hello");
    CHECK(_copy_to_user(reinterpret_cast<void*>(user), "HE", 2) == 0);
    CHECK(memory->load(user, 5) == "HEllo");
    // A kernel pointer where a user one belongs copies nothing, and the
    // destination of a failed copy_from_user is zero-filled.
    char source[4] = "abc";
    CHECK(_copy_to_user(kernel_buffer, source, 4) == 4);
    CHECK(_copy_from_user(kernel_buffer, source, 4) == 4);
    CHECK(kernel_buffer[0] == '\0');
    // A copy running off the end of the space copies what fits.
    uintptr_t last = memory->base() + memory->size() - 2;
    CHECK(_copy_to_user(reinterpret_cast<void*>(last), "wxyz", 4) == 2);
    char name[16];
    CHECK(strncpy_from_user(name, reinterpret_cast<const char*>(memory->store(std::string("dev\0x", 5))), 16) == 3);
    CHECK(std::string(name) == "dev");
    CHECK(strncpy_from_user(name, source, 16) == -EFAULT);
}

TEST_CASE("seq_file: every read size gives the same bytes, and seeking re-runs the records")
{
    Kernel kernel;
    kernel.set_task(Task {10, "insmod", 0, UserMemory::create()});
    REQUIRE_FALSE(insmod(kernel, "procseq").is_error());
    Task reader {31, "dd", 1000, UserMemory::create()};
    kernel.set_task(reader);
    std::string whole = kernel.vfs().read(reader, "/proc/procseq/records").value();
    CHECK(whole.size() == 26537);
    CHECK(whole.starts_with("record    0: square 0\nrecord    1: square 1\n"));
    for (size_t chunk : {1, 7, 100, 4096, 65536}) {
        auto file = kernel.vfs().open(reader, "/proc/procseq/records", open_read_only);
        REQUIRE_FALSE(file.is_error());
        std::string pieces;
        while (true) {
            auto got = file.value()->read(chunk);
            REQUIRE_FALSE(got.is_error());
            if (got.value().empty())
                break;
            CHECK(got.value().size() <= chunk);
            pieces += got.value();
        }
        file.value()->release();
        CHECK_MESSAGE(pieces == whole, "read size " << chunk);
    }
    auto file = kernel.vfs().open(reader, "/proc/procseq/records", open_read_only);
    REQUIRE(file.value()->llseek(26500, 0).value() == 26500);
    CHECK(file.value()->read(100).value() == whole.substr(26500));
    CHECK(file.value()->llseek(0, 2).error() == EINVAL); // seq_lseek has no SEEK_END
    file.value()->release();
    Task stranger {32, "echo", 1001, nullptr};
    CHECK(kernel.vfs().write(stranger, "/proc/procseq/limit", "2\n").error() == EACCES); // it belongs to uid 1000
    CHECK(kernel.vfs().read(reader, "/proc/procseq/records").value() == whole);
}
