// The kmalloc allocator: Linux's size classes, per-owner accounting, ZERO_SIZE_PTR.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace ksim {

// Who asked for memory: 0 is the kernel itself, else a module's id.
using OwnerId = uint64_t;
constexpr OwnerId kernel_owner = 0;

struct Allocation {
    size_t requested;
    size_t object_size; // the kmalloc cache it came from (ksize)
    OwnerId owner;
    uintptr_t caller; // the return address of the kmalloc call, for leak reports
};

struct Usage {
    size_t objects = 0;
    size_t requested_bytes = 0;
    size_t object_bytes = 0;
};

class SlabAllocator {
public:
    static constexpr size_t max_size = size_t {1} << 22; // KMALLOC_MAX_SIZE
    static constexpr uintptr_t zero_size_ptr = 16; // ZERO_SIZE_PTR
    static constexpr unsigned gfp_zero = 0x100; // __GFP_ZERO
    static constexpr unsigned gfp_nowarn = 0x2000; // __GFP_NOWARN

    SlabAllocator() = default;
    SlabAllocator(const SlabAllocator&) = delete;
    SlabAllocator& operator=(const SlabAllocator&) = delete;
    ~SlabAllocator();

    // The size of the kmalloc cache serving a request: kmalloc-8 .. kmalloc-8k,
    // with the odd 96 and 192 caches; page-allocator sizes above 8 KiB.
    static size_t object_size_for(size_t size);

    // `limit` is the largest size the caller's allocator serves: kmalloc's,
    // unless vmalloc or the page allocator asks.
    void* allocate(size_t size, unsigned gfp_flags, OwnerId owner, uintptr_t caller = 0, size_t limit = max_size);
    // Frees a block; false when the pointer is not a live kmalloc block.
    bool free(const void* pointer);
    void* reallocate(const void* pointer, size_t new_size, unsigned gfp_flags, OwnerId owner, uintptr_t caller = 0);
    // The usable size, 0 for pointers not from kmalloc.
    size_t usable_size(const void* pointer) const;

    // Makes the nth allocation from now fail (1 = the next one), 0 to stop.
    void fail_nth(unsigned n) { m_fail_countdown = n; }

    Usage usage(OwnerId owner) const;
    Usage total() const;
    std::vector<std::pair<const void*, Allocation>> allocations_of(OwnerId owner) const;
    // Gives a leaving owner's blocks to the kernel, so they stay accounted.
    void reassign(OwnerId from, OwnerId to);

private:
    bool should_fail();

    // Tasks allocate at once; reallocate() takes it again to allocate and free.
    mutable std::recursive_mutex m_lock;
    std::unordered_map<const void*, Allocation> m_blocks;
    std::map<OwnerId, Usage> m_usage;
    unsigned m_fail_countdown = 0;
};

} // namespace ksim
