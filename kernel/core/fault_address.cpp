// Decoding a faulting instruction's memory operand (see fault_address.h).
#include "core/fault_address.h"

#include <ucontext.h>

#include <cstring>

namespace ksim {

namespace {

// x86 register numbers (with REX extension) to ucontext's greg slots.
constexpr int greg_of[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI, REG_R8, REG_R9,
    REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};

bool is_legacy_prefix(uint8_t byte)
{
    switch (byte) {
    case 0x66:
    case 0x67:
    case 0xf0:
    case 0xf2:
    case 0xf3:
    case 0x26:
    case 0x2e:
    case 0x36:
    case 0x3e:
    case 0x64:
    case 0x65:
        return true;
    default:
        return false;
    }
}

} // namespace

std::optional<uintptr_t> memory_operand_address(const uint8_t* code, const uintptr_t* registers)
{
    const uint8_t* p = code;
    for (int i = 0; i < 4 && is_legacy_prefix(*p); ++i)
        ++p;
    uint8_t rex = (*p & 0xf0) == 0x40 ? *p++ : 0;
    // mov between the accumulator and a 64-bit absolute address (movabs).
    if (*p >= 0xa0 && *p <= 0xa3) {
        uint64_t absolute;
        std::memcpy(&absolute, p + 1, sizeof absolute);
        return static_cast<uintptr_t>(absolute);
    }
    // The opcode: one byte, or 0f xx, or 0f 38/3a xx; loads, stores and
    // arithmetic on memory all take a ModRM byte next.
    if (*p == 0x0f) {
        ++p;
        if (*p == 0x38 || *p == 0x3a)
            ++p;
    }
    ++p;
    uint8_t modrm = *p++;
    int mod = modrm >> 6, rm = modrm & 7;
    if (mod == 3)
        return std::nullopt; // a register operand
    uintptr_t address = 0;
    if (rm == 4) {
        uint8_t sib = *p++;
        int index = ((sib >> 3) & 7) | ((rex & 2) << 2);
        int base = (sib & 7) | ((rex & 1) << 3);
        if (index != 4)
            address += registers[greg_of[index]] << (sib >> 6);
        if ((base & 7) == 5 && mod == 0)
            mod = 2; // no base: a 32-bit displacement follows
        else
            address += registers[greg_of[base]];
    } else if (rm == 5 && mod == 0) {
        return std::nullopt; // RIP-relative: always canonical
    } else {
        address += registers[greg_of[rm | ((rex & 1) << 3)]];
    }
    if (mod == 1) {
        address += static_cast<uintptr_t>(static_cast<int8_t>(*p));
    } else if (mod == 2) {
        int32_t displacement;
        std::memcpy(&displacement, p, sizeof displacement);
        address += static_cast<uintptr_t>(static_cast<intptr_t>(displacement));
    }
    return address;
}

} // namespace ksim
