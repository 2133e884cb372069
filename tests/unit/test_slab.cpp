// The kmalloc allocator: size classes, accounting, ZERO_SIZE_PTR, krealloc and failure injection.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "mm/slab.h"

using namespace ksim;

TEST_CASE("kmalloc size classes follow Linux's caches")
{
    CHECK(SlabAllocator::object_size_for(1) == 8);
    CHECK(SlabAllocator::object_size_for(9) == 16);
    CHECK(SlabAllocator::object_size_for(65) == 96);
    CHECK(SlabAllocator::object_size_for(100) == 128);
    CHECK(SlabAllocator::object_size_for(129) == 192);
    CHECK(SlabAllocator::object_size_for(193) == 256);
    CHECK(SlabAllocator::object_size_for(8192) == 8192);
    CHECK(SlabAllocator::object_size_for(8193) == 16384);
}

TEST_CASE("allocations are accounted per owner and freed")
{
    SlabAllocator slab;
    void* a = slab.allocate(10, 0, 1);
    void* b = slab.allocate(100, SlabAllocator::gfp_zero, 2);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(slab.usage(1).objects == 1);
    CHECK(slab.usage(1).requested_bytes == 10);
    CHECK(slab.usage(1).object_bytes == 16);
    CHECK(static_cast<unsigned char*>(b)[99] == 0);
    CHECK(slab.usable_size(b) == 128);
    CHECK(reinterpret_cast<uintptr_t>(b) % 128 == 0);
    CHECK(slab.free(a));
    CHECK_FALSE(slab.free(a)); // double free is detected
    CHECK(slab.usage(1).objects == 0);
    slab.reassign(2, kernel_owner);
    CHECK(slab.usage(kernel_owner).objects == 1);
    CHECK(slab.allocations_of(2).empty());
}

TEST_CASE("kmalloc(0), oversized requests and krealloc")
{
    SlabAllocator slab;
    CHECK(reinterpret_cast<uintptr_t>(slab.allocate(0, 0, 1)) == SlabAllocator::zero_size_ptr);
    CHECK(slab.free(reinterpret_cast<void*>(SlabAllocator::zero_size_ptr)));
    CHECK(slab.allocate(SlabAllocator::max_size + 1, 0, 1) == nullptr);
    void* p = slab.allocate(20, 0, 1);
    std::memcpy(p, "0123456789", 11);
    CHECK(slab.reallocate(p, 30, 0, 1) == p); // still fits kmalloc-32
    void* q = slab.reallocate(p, 300, 0, 1);
    REQUIRE(q);
    CHECK(std::string(static_cast<char*>(q)) == "0123456789");
    CHECK(slab.usage(1).objects == 1);
    CHECK(reinterpret_cast<uintptr_t>(slab.reallocate(q, 0, 0, 1)) == SlabAllocator::zero_size_ptr);
    CHECK(slab.usage(1).objects == 0);
}

TEST_CASE("the nth allocation can be made to fail")
{
    SlabAllocator slab;
    slab.fail_nth(2);
    CHECK(slab.allocate(8, 0, 1) != nullptr);
    CHECK(slab.allocate(8, 0, 1) == nullptr);
    CHECK(slab.allocate(8, 0, 1) != nullptr);
}
