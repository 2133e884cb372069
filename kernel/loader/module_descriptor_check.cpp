// The module descriptor's tables, checked before the kernel walks them (see module_descriptor_check.h).
#include "loader/module_descriptor_check.h"

#include <cstring>

namespace ksim {

namespace {

class ModuleMemory {
public:
    ModuleMemory(uintptr_t base, const DynamicLayout& layout)
        : m_base(base)
        , m_layout(layout)
    {
    }

    // The bytes [p, p + length) left inside one segment after p, or 0 when p is outside all.
    uint64_t room(uintptr_t p) const
    {
        for (auto [offset, size] : m_layout.segments) {
            uintptr_t start = m_base + offset;
            if (p >= start && p - start < size)
                return size - (p - start);
        }
        return 0;
    }

    bool holds(const void* p, uint64_t length) const
    {
        uint64_t left = room(reinterpret_cast<uintptr_t>(p));
        return left != 0 && length <= left;
    }

    bool holds_string(const char* s) const
    {
        uint64_t left = room(reinterpret_cast<uintptr_t>(s));
        return left != 0 && std::memchr(s, '\0', left) != nullptr;
    }

    // [first, last) is empty, or whole entries inside the module.
    template <typename T> bool holds_table(const T* first, const T* last) const
    {
        if (!first && !last)
            return true;
        auto a = reinterpret_cast<uintptr_t>(first), b = reinterpret_cast<uintptr_t>(last);
        return first && b >= a && (b - a) % sizeof(T) == 0 && holds(first, b - a);
    }

private:
    uintptr_t m_base;
    const DynamicLayout& m_layout;
};

} // namespace

bool descriptor_is_sound(const struct module* d, uintptr_t base, const DynamicLayout& layout)
{
    ModuleMemory memory(base, layout);
    if (!d || !memory.holds(d, sizeof *d))
        return false;
    if (!memory.holds_table(d->kp_start, d->kp_stop) || !memory.holds_table(d->syms_start, d->syms_stop)
        || !memory.holds_table(d->gpl_syms_start, d->gpl_syms_stop))
        return false;
    for (const kernel_param* kp = d->kp_start; kp != d->kp_stop; ++kp)
        if (!memory.holds_string(kp->name) || !kp->ops)
            return false;
    for (auto [first, last] : {std::pair {d->syms_start, d->syms_stop}, {d->gpl_syms_start, d->gpl_syms_stop}})
        for (const kernel_symbol* s = first; s != last; ++s)
            if (!memory.holds_string(s->name))
                return false;
    return true;
}

} // namespace ksim
