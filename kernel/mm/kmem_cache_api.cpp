// kmem_cache: a named cache of same-sized objects (Linux's mm/slab_common.c
// interface). Objects come from the kmalloc allocator, sized and aligned as
// the cache asks, charged to the calling module like any kmalloc block; the
// cache itself is charged to its creator, so a forgotten kmem_cache_destroy()
// shows in the leak report as on a Linux with kmemleak.
#include <atomic>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "core/caller_owner.h"
#include "core/export.h"
#include "core/kernel.h"

namespace {

constexpr unsigned int slab_hwcache_align = 0x00002000U; // SLAB_HWCACHE_ALIGN
constexpr unsigned int cache_line = 64;
constexpr unsigned gfp_zero = 0x100; // __GFP_ZERO

} // namespace

struct kmem_cache {
    char name[64];
    unsigned int object_size; // what the creator asked for
    unsigned int size; // what each object takes, after alignment
    void (*ctor)(void*);
    std::atomic<long> objects;
};

KSIM_EXPORT kmem_cache* kmem_cache_create(
    const char* name, unsigned int size, unsigned int align, unsigned int flags, void (*ctor)(void*))
{
    if (!name || size == 0 || size > ksim::SlabAllocator::max_size)
        return nullptr;
    if ((flags & slab_hwcache_align) && align < cache_line)
        align = cache_line;
    // kmalloc's power-of-two objects are aligned to their size, so an
    // alignment above kmalloc's own 16 is had by rounding up to one.
    unsigned int object = size;
    if (align > 16) {
        object = align;
        while (object < size)
            object <<= 1;
    }
    void* caller = __builtin_return_address(0);
    auto* cache = static_cast<kmem_cache*>(ksim::Kernel::current().slab().allocate(
        sizeof(kmem_cache), gfp_zero, ksim::caller_owner(caller), reinterpret_cast<uintptr_t>(caller)));
    if (!cache)
        return nullptr;
    new (cache) kmem_cache {};
    std::snprintf(cache->name, sizeof cache->name, "%s", name);
    cache->object_size = size;
    cache->size = object;
    cache->ctor = ctor;
    return cache;
}

KSIM_EXPORT kmem_cache* kmem_cache_create_usercopy(const char* name, unsigned int size, unsigned int align,
    unsigned int flags, unsigned int /*useroffset*/, unsigned int /*usersize*/, void (*ctor)(void*))
{
    return kmem_cache_create(name, size, align, flags, ctor);
}

KSIM_EXPORT void* kmem_cache_alloc(kmem_cache* cache, unsigned int flags)
{
    void* caller = __builtin_return_address(0);
    void* object = ksim::Kernel::current().slab().allocate(
        cache->size, flags, ksim::caller_owner(caller), reinterpret_cast<uintptr_t>(caller));
    if (!object)
        return nullptr;
    if (cache->ctor)
        cache->ctor(object);
    cache->objects++;
    return object;
}

KSIM_EXPORT void kmem_cache_free(kmem_cache* cache, void* object)
{
    if (!object)
        return;
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (kernel.slab().free(object)) {
        cache->objects--;
        return;
    }
    char text[160];
    std::snprintf(text, sizeof text,
        "kmem_cache_free: %s: invalid pointer %016lx (double free, or not from this cache)", cache->name,
        static_cast<unsigned long>(reinterpret_cast<uintptr_t>(object)));
    kernel.log().log(3, text);
}

KSIM_EXPORT unsigned int kmem_cache_size(kmem_cache* cache)
{
    return cache->object_size;
}

// A cache with live objects stays, as on Linux, whose WARN names the caller.
KSIM_EXPORT void kmem_cache_destroy(kmem_cache* cache)
{
    if (!cache)
        return;
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (cache->objects > 0) {
        std::string caller = kernel.symbolize(reinterpret_cast<uintptr_t>(__builtin_return_address(0)), true);
        std::string text {"kmem_cache_destroy "};
        text.append(cache->name).append(": Slab cache still has objects when called from ").append(caller);
        kernel.log().log(4, text);
        return;
    }
    cache->~kmem_cache();
    kernel.slab().free(cache);
}
