// Kernel taint flags (see taint.h).
#include "core/taint.h"

#include "printk/kernel_log.h"

namespace ksim {

namespace {
struct TaintLetter {
    char set;
    char clear;
    bool per_module;
};

constexpr TaintLetter letters[taint_flag_count] = {
    {'P', 'G', true},
    {'F', ' ', true},
    {'S', ' ', false},
    {'R', ' ', false},
    {'M', ' ', false},
    {'B', ' ', false},
    {'U', ' ', false},
    {'D', ' ', false},
    {'A', ' ', false},
    {'W', ' ', false},
    {'C', ' ', true},
    {'I', ' ', false},
    {'O', ' ', true},
    {'E', ' ', true},
    {'L', ' ', false},
    {'K', ' ', true},
    {'X', ' ', true},
    {'T', ' ', true},
    {'N', ' ', true},
};
} // namespace

std::string module_taint_letters(unsigned long mask)
{
    std::string out;
    for (unsigned i = 0; i < taint_flag_count; ++i)
        if (letters[i].per_module && (mask & (1UL << i)))
            out += letters[i].set;
    return out;
}

void Taint::add(TaintFlag flag, bool lockdep_unreliable, KernelLog& log)
{
    if (lockdep_unreliable && m_lock_debugging.exchange(false)) {
        log.log(4, "Disabling lock debugging due to kernel taint");
    }
    m_mask |= taint_bit(flag);
}

std::string Taint::describe() const
{
    unsigned long mask = m_mask;
    if (mask == 0)
        return "Not tainted";
    std::string out = "Tainted: ";
    for (unsigned i = 0; i < taint_flag_count; ++i)
        out += (mask & (1UL << i)) ? letters[i].set : letters[i].clear;
    return out;
}

} // namespace ksim
