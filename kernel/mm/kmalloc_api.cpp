// kmalloc and friends, as modules call them; each block is charged to the calling module.
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "lib/vsprintf.h"
#include "printk/format_hooks.h"

namespace {

void* allocate_for(void* return_address, size_t size, unsigned flags)
{
    return ksim::Kernel::current().slab().allocate(
        size, flags, ksim::caller_owner(return_address), reinterpret_cast<uintptr_t>(return_address));
}

} // namespace

KSIM_EXPORT void* __kmalloc(size_t size, unsigned flags)
{
    return allocate_for(__builtin_return_address(0), size, flags);
}

KSIM_EXPORT void* krealloc(const void* pointer, size_t new_size, unsigned flags)
{
    void* caller = __builtin_return_address(0);
    return ksim::Kernel::current().slab().reallocate(
        pointer, new_size, flags, ksim::caller_owner(caller), reinterpret_cast<uintptr_t>(caller));
}

KSIM_EXPORT void kfree(const void* pointer)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (!kernel.slab().free(pointer)) {
        char text[128];
        std::snprintf(text, sizeof text, "kfree: invalid pointer %016lx (double free, or not from kmalloc)",
            static_cast<unsigned long>(reinterpret_cast<uintptr_t>(pointer)));
        kernel.log().log(3, text);
    }
}

KSIM_EXPORT void kfree_sensitive(const void* pointer)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (size_t size = kernel.slab().usable_size(pointer))
        std::memset(const_cast<void*>(pointer), 0, size);
    kfree(pointer);
}

KSIM_EXPORT size_t ksize(const void* pointer)
{
    return ksim::Kernel::current().slab().usable_size(pointer);
}

KSIM_EXPORT void* kmemdup(const void* source, size_t length, unsigned flags)
{
    void* copy = allocate_for(__builtin_return_address(0), length, flags);
    if (copy)
        std::memcpy(copy, source, length);
    return copy;
}

KSIM_EXPORT char* kstrndup(const char* s, size_t max, unsigned flags)
{
    if (!s)
        return nullptr;
    size_t length = strnlen(s, max);
    auto* copy = static_cast<char*>(allocate_for(__builtin_return_address(0), length + 1, flags));
    if (copy) {
        std::memcpy(copy, s, length);
        copy[length] = '\0';
    }
    return copy;
}

KSIM_EXPORT char* kstrdup(const char* s, unsigned flags)
{
    if (!s)
        return nullptr;
    size_t length = std::strlen(s);
    auto* copy = static_cast<char*>(allocate_for(__builtin_return_address(0), length + 1, flags));
    if (copy)
        std::memcpy(copy, s, length + 1);
    return copy;
}

KSIM_EXPORT char* kasprintf(unsigned flags, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    // Measure, then format into the allocation: vsprintf's rules, warning once.
    ksim::FormatHooks hooks = ksim::kernel_format_hooks(ksim::Kernel::current());
    int length = ksim::kernel_vsnprintf(nullptr, 0, fmt, args, hooks);
    auto* text = static_cast<char*>(allocate_for(__builtin_return_address(0), static_cast<size_t>(length) + 1, flags));
    if (text)
        ksim::kernel_vsnprintf(text, static_cast<size_t>(length) + 1, fmt, args, {hooks.symbols, {}});
    va_end(args);
    return text;
}
