// The Oops report's register blocks: show_opcodes()'s Code line, the control registers, the system call's block.
#include <doctest/doctest.h>

#include <ucontext.h>

#include "core/kernel.h"
#include "core/oops_report.h"
#include "uaccess/user_memory.h"

using namespace ksim;

namespace {

int code_to_show(int x)
{
    return x * 3 + 1;
}

} // namespace

TEST_CASE("the kernel block: RIP, 42+1+21 code bytes, registers, FS/GS, CS/CR0, CR2/CR3/CR4")
{
    Kernel kernel;
    uintptr_t gregs[23] = {};
    gregs[REG_RIP] = reinterpret_cast<uintptr_t>(&code_to_show) + 42;
    auto lines = kernel_register_lines(kernel, current_registers(kernel, gregs, 0x10));
    REQUIRE(lines.size() == 11);
    CHECK(lines[0].starts_with("RIP: 0010:"));
    // "Code:", then " xx" for each byte, the one at RIP as " <xx>".
    CHECK(lines[1].size() == 5 + 63 * 3 + 5);
    CHECK(lines[1].find(" <") == 5 + 42 * 3);
    CHECK(lines[2].starts_with("RSP: 0018:"));
    CHECK(lines[3].starts_with("RAX: "));
    CHECK(lines[8].ends_with("(0000) knlGS:0000000000000000"));
    CHECK(lines[9] == "CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033");
    CHECK(lines[10].starts_with("CR2: 0000000000000010 CR3: "));

    // Code that cannot be read: RIP has no symbol, and the Code line's own
    // fault leaves its address in CR2.
    gregs[REG_RIP] = 0;
    lines = kernel_register_lines(kernel, current_registers(kernel, gregs, 0));
    CHECK(lines[0] == "RIP: 0010:0x0");
    CHECK(lines[1] == "Code: Unable to access opcode bytes at 0xffffffffffffffd6.");
    CHECK(lines[10].starts_with("CR2: ffffffffffffffd6 "));
}

TEST_CASE("the user block of the system call the task entered by")
{
    Kernel kernel;
    kernel.set_task(Task {100, "insmod", 0, UserMemory::create()});
    auto lines = syscall_entry_lines(kernel,
        {"do_one_initcall+0x56/0x230", "do_init_module+0x4a/0x200", "__do_sys_finit_module+0x93/0xf0",
            "do_syscall_64+0x58/0xc0", "entry_SYSCALL_64_after_hwframe+0x64/0xce"});
    REQUIRE(lines.size() == 8);
    CHECK(lines[0].starts_with("RIP: 0033:0x"));
    CHECK(lines[1].find(" 0f 05 <") != std::string::npos); // just past the syscall instruction
    CHECK(lines[2].starts_with("RSP: 002b:"));
    CHECK(lines[2].ends_with(" EFLAGS: 00000246 ORIG_RAX: 0000000000000139")); // finit_module
    CHECK(lines[3].starts_with("RAX: ffffffffffffffda "));
    // A kernel thread never came from user space.
    CHECK(syscall_entry_lines(kernel, {"kthread+0xe9/0x110", "ret_from_fork+0x22/0x30"}).empty());
}
