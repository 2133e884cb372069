// Kernel taint flags: /proc/sys/kernel/tainted, per-module letters, the Oops "Tainted:" string.
#pragma once

#include <atomic>

#include <string>

namespace ksim {

class KernelLog;

enum class TaintFlag : unsigned {
    ProprietaryModule = 0,
    ForcedModule = 1,
    CpuOutOfSpec = 2,
    ForcedRmmod = 3,
    MachineCheck = 4,
    BadPage = 5,
    User = 6,
    Die = 7,
    OverriddenAcpiTable = 8,
    Warn = 9,
    Crap = 10,
    FirmwareWorkaround = 11,
    OutOfTreeModule = 12,
    UnsignedModule = 13,
    SoftLockup = 14,
    Livepatch = 15,
    Aux = 16,
    Randstruct = 17,
    Test = 18,
};

constexpr unsigned taint_flag_count = 19;

inline unsigned long taint_bit(TaintFlag flag)
{
    return 1UL << static_cast<unsigned>(flag);
}

// "POE": the letters of the module-relevant flags set in mask, in bit order.
std::string module_taint_letters(unsigned long mask);

class Taint {
public:
    unsigned long mask() const { return m_mask; }
    bool test(TaintFlag flag) const { return m_mask & taint_bit(flag); }
    // Sets a flag; the first flag that makes lock debugging unreliable says
    // so in the log, as Linux's add_taint does.
    void add(TaintFlag flag, bool lockdep_unreliable, KernelLog& log);
    void set_mask(unsigned long mask) { m_mask = mask; }
    // "Not tainted" or "Tainted: G           OE      " (19 columns).
    std::string describe() const;
    // debug_locks: lockdep checks until a report or an unreliable taint turns it off.
    bool lock_debugging() const { return m_lock_debugging; }
    // debug_locks_off(): true for the one caller that turned it off.
    bool turn_off_lock_debugging() { return m_lock_debugging.exchange(false); }

private:
    // Any task may taint the kernel while another prints its state.
    std::atomic<unsigned long> m_mask {0};
    std::atomic<bool> m_lock_debugging {true};
};

} // namespace ksim
