// The address a faulting x86-64 instruction tried to reach, decoded from its memory operand.
#pragma once

#include <cstdint>
#include <optional>

namespace ksim {

// A general-protection fault reports no address (the CPU has none for a
// non-canonical one), so Linux's die_addr() decodes the instruction at RIP
// to name it; so does ksim. `code` is the faulting instruction, `registers`
// the ucontext gregs at the fault. Nothing when the instruction has no
// memory operand or one relative to RIP.
std::optional<uintptr_t> memory_operand_address(const uint8_t* code, const uintptr_t* registers);

// Whether `address` is a canonical 48-bit x86-64 address.
constexpr bool is_canonical(uintptr_t address)
{
    auto top = static_cast<intptr_t>(address) >> 47;
    return top == 0 || top == -1;
}

} // namespace ksim
