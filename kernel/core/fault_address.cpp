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

// Whether a one-byte opcode takes a ModRM byte (the x86 opcode map's rows).
bool one_byte_has_modrm(uint8_t op)
{
    if (op < 0x40)
        return (op & 7) < 4; // add, or, adc, sbb, and, sub, xor, cmp on r/m
    switch (op) {
    case 0x62:
    case 0x63:
    case 0x69:
    case 0x6b:
    case 0xc0:
    case 0xc1:
    case 0xc6:
    case 0xc7:
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3:
    case 0xf6:
    case 0xf7:
    case 0xfe:
    case 0xff:
        return true;
    default:
        return (op >= 0x80 && op <= 0x8f) || (op >= 0xd8 && op <= 0xdf);
    }
}

// The same for 0f xx: all but the few without operands or with only immediates.
bool two_byte_has_modrm(uint8_t op)
{
    switch (op) {
    case 0x05:
    case 0x06:
    case 0x07:
    case 0x08:
    case 0x09:
    case 0x0b:
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x77:
    case 0xa0:
    case 0xa1:
    case 0xa2:
    case 0xa8:
    case 0xa9:
        return false;
    default:
        return !(op >= 0x80 && op <= 0x8f) && !(op >= 0xc8 && op <= 0xcf);
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
    // arithmetic on memory take a ModRM byte next.
    if (*p == 0x0f) {
        ++p;
        if (*p == 0x38 || *p == 0x3a)
            ++p;
        else if (!two_byte_has_modrm(*p))
            return std::nullopt;
    } else if (!one_byte_has_modrm(*p)) {
        return std::nullopt; // ret, push, jmp...: no memory operand to name
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
