// The kmalloc allocator (see slab.h).
#include "mm/slab.h"

#include <cstdlib>
#include <cstring>

namespace ksim {

SlabAllocator::~SlabAllocator()
{
    for (auto& [pointer, block] : m_blocks)
        std::free(const_cast<void*>(pointer));
}

size_t SlabAllocator::object_size_for(size_t size)
{
    if (size <= 8)
        return 8;
    if (size > 64 && size <= 96)
        return 96;
    if (size > 128 && size <= 192)
        return 192;
    size_t object = 16;
    while (object < size)
        object <<= 1;
    return object < 4096 ? object : (object + 4095) & ~size_t {4095};
}

bool SlabAllocator::should_fail()
{
    if (m_fail_countdown == 0)
        return false;
    return --m_fail_countdown == 0;
}

void* SlabAllocator::allocate(size_t size, unsigned gfp_flags, OwnerId owner, uintptr_t caller, size_t limit)
{
    std::lock_guard lock(m_lock);
    if (size == 0)
        return reinterpret_cast<void*>(zero_size_ptr);
    if (size > limit || should_fail())
        return nullptr;
    size_t object = object_size_for(size);
    // Power-of-two objects are naturally aligned, as Linux guarantees, and
    // whole pages (the page allocator's, vmalloc's) start on a page.
    size_t alignment = object <= 4096 && (object & (object - 1)) == 0 ? object : object % 4096 == 0 ? 4096 : 8;
    if (alignment < 16)
        alignment = 16;
    void* pointer = std::aligned_alloc(alignment, (object + alignment - 1) / alignment * alignment);
    if (!pointer)
        return nullptr;
    if (gfp_flags & gfp_zero)
        std::memset(pointer, 0, object);
    m_blocks.emplace(pointer, Allocation {size, object, owner, caller});
    Usage& u = m_usage[owner];
    u.objects++;
    u.requested_bytes += size;
    u.object_bytes += object;
    return pointer;
}

bool SlabAllocator::free(const void* pointer)
{
    std::lock_guard lock(m_lock);
    if (reinterpret_cast<uintptr_t>(pointer) <= zero_size_ptr)
        return true;
    auto it = m_blocks.find(pointer);
    if (it == m_blocks.end())
        return false;
    Usage& u = m_usage[it->second.owner];
    u.objects--;
    u.requested_bytes -= it->second.requested;
    u.object_bytes -= it->second.object_size;
    m_blocks.erase(it);
    std::free(const_cast<void*>(pointer));
    return true;
}

void* SlabAllocator::reallocate(
    const void* pointer, size_t new_size, unsigned gfp_flags, OwnerId owner, uintptr_t caller)
{
    std::lock_guard lock(m_lock);
    if (reinterpret_cast<uintptr_t>(pointer) <= zero_size_ptr)
        return allocate(new_size, gfp_flags, owner, caller);
    if (new_size == 0) {
        free(pointer);
        return reinterpret_cast<void*>(zero_size_ptr);
    }
    auto it = m_blocks.find(pointer);
    if (it == m_blocks.end())
        return nullptr;
    Allocation& block = it->second;
    // Linux keeps the block when the new size still fits its cache.
    if (new_size <= block.object_size) {
        Usage& u = m_usage[block.owner];
        if ((gfp_flags & gfp_zero) && new_size > block.requested)
            std::memset(
                static_cast<char*>(const_cast<void*>(pointer)) + block.requested, 0, new_size - block.requested);
        u.requested_bytes = u.requested_bytes - block.requested + new_size;
        block.requested = new_size;
        return const_cast<void*>(pointer);
    }
    void* fresh = allocate(new_size, gfp_flags, block.owner, caller ? caller : block.caller);
    if (!fresh)
        return nullptr;
    std::memcpy(fresh, pointer, block.requested);
    free(pointer);
    return fresh;
}

size_t SlabAllocator::usable_size(const void* pointer) const
{
    std::lock_guard lock(m_lock);
    auto it = m_blocks.find(pointer);
    return it == m_blocks.end() ? 0 : it->second.object_size;
}

Usage SlabAllocator::usage(OwnerId owner) const
{
    std::lock_guard lock(m_lock);
    auto it = m_usage.find(owner);
    return it == m_usage.end() ? Usage {} : it->second;
}

Usage SlabAllocator::total() const
{
    std::lock_guard lock(m_lock);
    Usage sum;
    for (const auto& [owner, u] : m_usage) {
        sum.objects += u.objects;
        sum.requested_bytes += u.requested_bytes;
        sum.object_bytes += u.object_bytes;
    }
    return sum;
}

std::vector<std::pair<const void*, Allocation>> SlabAllocator::allocations_of(OwnerId owner) const
{
    std::lock_guard lock(m_lock);
    std::vector<std::pair<const void*, Allocation>> result;
    for (const auto& entry : m_blocks)
        if (entry.second.owner == owner)
            result.push_back(entry);
    return result;
}

void SlabAllocator::reassign(OwnerId from, OwnerId to)
{
    std::lock_guard lock(m_lock);
    for (auto& [pointer, block] : m_blocks)
        if (block.owner == from)
            block.owner = to;
    Usage moved = usage(from);
    m_usage.erase(from);
    Usage& target = m_usage[to];
    target.objects += moved.objects;
    target.requested_bytes += moved.requested_bytes;
    target.object_bytes += moved.object_bytes;
}

} // namespace ksim
