// The Oops guard: nesting, the typed path into module code, and decoding a faulting instruction's address.
#include <doctest/doctest.h>

#include <ucontext.h>

#include <csignal>
#include <type_traits>

#include "core/fault_address.h"
#include "core/module_function.h"
#include "core/oops_guard.h"

using namespace ksim;

namespace {

int* volatile g_nowhere = nullptr;

// Stands for module code, which is never built with sanitizers: the fault must
// reach the guard, not UndefinedBehaviorSanitizer's null check.
__attribute__((no_sanitize("undefined"))) void fault_now()
{
    *g_nowhere = 1;
}

} // namespace

// A module function pointer cannot be called except through Kernel::call_module.
static_assert(!std::is_invocable_v<ModuleFunction<void()>>);
static_assert(!std::is_invocable_v<ModuleFunction<int(int)>, int>);
static_assert(sizeof(ModuleFunction<void()>) == sizeof(void (*)()));

TEST_CASE("a fault is caught and reported as a page fault")
{
    auto fault = run_guarded(fault_now);
    REQUIRE(fault);
    CHECK(fault->signal == SIGSEGV);
    CHECK(fault->trap == 14);
    CHECK(fault->address == 0);
    CHECK_FALSE(fault->is_die_class());
}

TEST_CASE("an inner guard that caught a fault leaves the outer one armed")
{
    bool inner_caught = false;
    bool after_inner = false;
    auto outer = run_guarded([&] {
        inner_caught = run_guarded(fault_now).has_value();
        after_inner = true;
        fault_now(); // must still be caught, by the outer guard
    });
    CHECK(inner_caught);
    CHECK(after_inner);
    CHECK(outer.has_value());
    // And the guards are all left: a clean call returns no fault.
    CHECK_FALSE(run_guarded([] {}).has_value());
}

TEST_CASE("die()-class faults are told from page faults")
{
    auto trap = run_guarded([] { __builtin_trap(); });
    REQUIRE(trap);
    CHECK(trap->signal == SIGILL);
    CHECK(trap->is_die_class());
}

TEST_CASE("a general-protection fault's address is decoded from the instruction")
{
    uintptr_t registers[23] = {};
    registers[REG_RAX] = 0xdead000000000100;
    registers[REG_RBX] = 0x10;
    // mov (%rax),%rax
    const uint8_t load[] = {0x48, 0x8b, 0x00};
    CHECK(memory_operand_address(load, registers) == 0xdead000000000100);
    // mov 0x8(%rax,%rbx,4),%ecx
    const uint8_t indexed[] = {0x8b, 0x4c, 0x98, 0x08};
    CHECK(memory_operand_address(indexed, registers) == 0xdead000000000100 + 0x40 + 8);
    // movabs 0xdead000000000200,%rax
    const uint8_t absolute[] = {0x48, 0xa1, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xad, 0xde};
    CHECK(memory_operand_address(absolute, registers) == 0xdead000000000200);
    // mov %rbx,%rax: no memory operand
    const uint8_t registers_only[] = {0x48, 0x89, 0xd8};
    CHECK_FALSE(memory_operand_address(registers_only, registers).has_value());
    // ret (to a smashed return address): no memory operand either
    const uint8_t ret[] = {0xc3, 0x8b, 0x00};
    CHECK_FALSE(memory_operand_address(ret, registers).has_value());
    CHECK_FALSE(is_canonical(0xdead000000000100));
    CHECK(is_canonical(0xffffffffc0000000));
}
