// vmalloc, kvmalloc and the page allocator's __get_free_pages, as modules
// call them. ksim has one address space, so "virtually contiguous" and
// "physically contiguous" memory come from the same allocator as kmalloc's,
// in whole pages and past kmalloc's 4 MiB limit; each block is charged to
// the calling module, so a missing vfree() shows in its leak report.
#include <cstdint>
#include <cstdio>

#include "core/caller_owner.h"
#include "core/export.h"
#include "core/kernel.h"

namespace {

constexpr size_t page_size = 4096;
constexpr unsigned gfp_zero = 0x100; // __GFP_ZERO
// ksim's vmalloc area: Linux's is bounded by the machine's memory; this bounds
// what one call may take from the host.
constexpr size_t vmalloc_limit = size_t {1} << 30;
// MAX_ORDER on x86_64: __get_free_pages() serves up to 2^10 pages.
constexpr unsigned max_order = 10;

void* allocate_pages(void* caller, size_t size, unsigned flags, size_t limit)
{
    if (size == 0 || size > limit)
        return nullptr;
    size = (size + page_size - 1) & ~(page_size - 1);
    return ksim::Kernel::current().slab().allocate(
        size, flags, ksim::caller_owner(caller), reinterpret_cast<uintptr_t>(caller), limit);
}

void free_or_complain(const void* pointer, const char* what)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (!pointer || kernel.slab().free(pointer))
        return;
    char text[128];
    std::snprintf(
        text, sizeof text, "%s (%016lx)", what, static_cast<unsigned long>(reinterpret_cast<uintptr_t>(pointer)));
    kernel.log().log(3, text);
}

} // namespace

KSIM_EXPORT void* vmalloc(unsigned long size)
{
    return allocate_pages(__builtin_return_address(0), size, 0, vmalloc_limit);
}

KSIM_EXPORT void* vzalloc(unsigned long size)
{
    return allocate_pages(__builtin_return_address(0), size, gfp_zero, vmalloc_limit);
}

// Zeroed, as Linux's is, since it may be mapped to user space.
KSIM_EXPORT void* vmalloc_user(unsigned long size)
{
    return allocate_pages(__builtin_return_address(0), size, gfp_zero, vmalloc_limit);
}

KSIM_EXPORT void* __vmalloc(unsigned long size, unsigned int gfp_mask)
{
    return allocate_pages(__builtin_return_address(0), size, gfp_mask, vmalloc_limit);
}

KSIM_EXPORT void vfree(const void* address)
{
    free_or_complain(address, "Trying to vfree() nonexistent vm area");
}

// kmalloc's memory when it can, else vmalloc's: here both are one allocator.
KSIM_EXPORT void* kvmalloc_node(size_t size, unsigned int flags, int /*node*/)
{
    void* caller = __builtin_return_address(0);
    if (size == 0)
        return ksim::Kernel::current().slab().allocate(0, flags, ksim::caller_owner(caller));
    return allocate_pages(caller, size, flags, vmalloc_limit);
}

KSIM_EXPORT void kvfree(const void* address)
{
    free_or_complain(address, "kvfree: invalid pointer");
}

KSIM_EXPORT unsigned long __get_free_pages(unsigned int gfp_mask, unsigned int order)
{
    if (order > max_order)
        return 0;
    void* pages = allocate_pages(__builtin_return_address(0), page_size << order, gfp_mask, page_size << max_order);
    return reinterpret_cast<unsigned long>(pages);
}

KSIM_EXPORT unsigned long get_zeroed_page(unsigned int gfp_mask)
{
    void* page = allocate_pages(__builtin_return_address(0), page_size, gfp_mask | gfp_zero, page_size);
    return reinterpret_cast<unsigned long>(page);
}

KSIM_EXPORT void free_pages(unsigned long address, unsigned int /*order*/)
{
    free_or_complain(reinterpret_cast<const void*>(address), "free_pages: not a page block");
}
