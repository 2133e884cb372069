// ID allocation (Linux's lib/idr.c interface): an idr maps small integers to
// pointers, an ida hands out integers alone. The maps live here, made on
// first use, so a zero-filled struct idr or ida is an empty one.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <type_traits>

#include <ksim/lib_abi.h>

#include "core/export.h"
#include "core/kernel.h"

namespace {

using IdMap = std::map<unsigned int, void*>;
using IdSet = std::set<unsigned int>;

// Linux leaves locking an idr to its user and locks an ida itself; one lock
// over both keeps the maps whole whatever the module does.
std::mutex& ids_lock()
{
    static std::mutex lock;
    return lock;
}

IdMap* map_of(const idr* ids)
{
    return static_cast<IdMap*>(ids->__ksim_ids);
}

IdSet* set_of(const ida* ids)
{
    return static_cast<IdSet*>(ids->__ksim_ids);
}

// The lowest id in [low, high] that `taken` does not hold, or -1.
template <typename Container> long lowest_free(const Container& taken, unsigned long low, unsigned long high)
{
    unsigned long candidate = low;
    for (auto it = taken.lower_bound(static_cast<unsigned int>(low)); it != taken.end(); ++it) {
        unsigned long id = [&] {
            if constexpr (std::is_same_v<Container, IdMap>)
                return static_cast<unsigned long>(it->first);
            else
                return static_cast<unsigned long>(*it);
        }();
        if (id != candidate)
            break;
        ++candidate;
    }
    return candidate <= high ? static_cast<long>(candidate) : -1;
}

// [start, end) as idr_alloc() reads it: end <= 0 means "up to INT_MAX".
int allocate_id(idr* ids, void* pointer, int start, int end)
{
    if (start < 0)
        return -EINVAL;
    IdMap* map = map_of(ids);
    if (!map) {
        map = new (std::nothrow) IdMap;
        if (!map)
            return -ENOMEM;
        ids->__ksim_ids = map;
    }
    unsigned long low = start < static_cast<int>(ids->idr_base) ? ids->idr_base : static_cast<unsigned long>(start);
    unsigned long high = end <= 0 ? INT_MAX : static_cast<unsigned long>(end) - 1;
    long id = low <= high ? lowest_free(*map, low, high) : -1;
    if (id < 0)
        return -ENOSPC;
    (*map)[static_cast<unsigned int>(id)] = pointer;
    return static_cast<int>(id);
}

} // namespace

KSIM_EXPORT int idr_alloc(idr* ids, void* pointer, int start, int end, unsigned int /*gfp*/)
{
    std::lock_guard guard(ids_lock());
    return allocate_id(ids, pointer, start, end);
}

// From the id after the last one handed out, wrapping round to `start`.
KSIM_EXPORT int idr_alloc_cyclic(idr* ids, void* pointer, int start, int end, unsigned int /*gfp*/)
{
    std::lock_guard guard(ids_lock());
    int from = static_cast<int>(ids->idr_next) > start ? static_cast<int>(ids->idr_next) : start;
    int id = allocate_id(ids, pointer, from, end);
    if (id == -ENOSPC && from > start)
        id = allocate_id(ids, pointer, start, end);
    if (id >= 0)
        ids->idr_next = static_cast<unsigned int>(id) + 1;
    return id;
}

KSIM_EXPORT void* idr_find(const idr* ids, unsigned long id)
{
    std::lock_guard guard(ids_lock());
    const IdMap* map = map_of(ids);
    if (!map)
        return nullptr;
    auto it = map->find(static_cast<unsigned int>(id));
    return it == map->end() ? nullptr : it->second;
}

KSIM_EXPORT void* idr_remove(idr* ids, unsigned long id)
{
    std::lock_guard guard(ids_lock());
    IdMap* map = map_of(ids);
    if (!map)
        return nullptr;
    auto it = map->find(static_cast<unsigned int>(id));
    if (it == map->end())
        return nullptr;
    void* pointer = it->second;
    map->erase(it);
    return pointer;
}

// The old pointer, or ERR_PTR(-ENOENT) when the id is not allocated.
KSIM_EXPORT void* idr_replace(idr* ids, void* pointer, unsigned long id)
{
    std::lock_guard guard(ids_lock());
    IdMap* map = map_of(ids);
    auto it = map ? map->find(static_cast<unsigned int>(id)) : IdMap::iterator {};
    if (!map || it == map->end())
        return reinterpret_cast<void*>(static_cast<long>(-ENOENT));
    void* old = it->second;
    it->second = pointer;
    return old;
}

// The first entry at or after *next_id (ids reserved with a NULL pointer are skipped).
KSIM_EXPORT void* idr_get_next(const idr* ids, int* next_id)
{
    std::lock_guard guard(ids_lock());
    const IdMap* map = map_of(ids);
    if (!map || *next_id < 0)
        return nullptr;
    for (auto it = map->lower_bound(static_cast<unsigned int>(*next_id)); it != map->end(); ++it) {
        if (it->second) {
            *next_id = static_cast<int>(it->first);
            return it->second;
        }
    }
    return nullptr;
}

// Calls fn(id, pointer, data) for each entry, stopping at a non-zero return.
// The lock is not held across the calls, so fn may use the idr itself.
KSIM_EXPORT int idr_for_each(const idr* ids, int (*fn)(int id, void* pointer, void* data), void* data)
{
    int id = 0;
    while (void* pointer = idr_get_next(ids, &id)) {
        if (int result = fn(id, pointer, data))
            return result;
        ++id;
    }
    return 0;
}

// Frees the idr's own memory, not what its pointers point to.
KSIM_EXPORT void idr_destroy(idr* ids)
{
    std::lock_guard guard(ids_lock());
    delete map_of(ids);
    ids->__ksim_ids = nullptr;
}

// [min, max], both included, as ida_alloc_range() takes them.
KSIM_EXPORT int ida_alloc_range(ida* ids, unsigned int min, unsigned int max, unsigned int /*gfp*/)
{
    if (static_cast<int>(min) < 0)
        return -ENOSPC;
    std::lock_guard guard(ids_lock());
    IdSet* set = set_of(ids);
    if (!set) {
        set = new (std::nothrow) IdSet;
        if (!set)
            return -ENOMEM;
        ids->__ksim_ids = set;
    }
    unsigned long high = max > INT_MAX ? INT_MAX : max;
    long id = min <= high ? lowest_free(*set, min, high) : -1;
    if (id < 0)
        return -ENOSPC;
    set->insert(static_cast<unsigned int>(id));
    return static_cast<int>(id);
}

KSIM_EXPORT void ida_free(ida* ids, unsigned int id)
{
    std::lock_guard guard(ids_lock());
    IdSet* set = set_of(ids);
    if (set && set->erase(id))
        return;
    // Linux's words (a WARN there) for freeing an id that is not allocated.
    char text[80];
    std::snprintf(text, sizeof text, "ida_free called for id=%d which is not allocated.", static_cast<int>(id));
    ksim::Kernel::current().log().log(4, text);
}

KSIM_EXPORT void ida_destroy(ida* ids)
{
    std::lock_guard guard(ids_lock());
    delete set_of(ids);
    ids->__ksim_ids = nullptr;
}
