// kfifo's out-of-line half (Linux's lib/kfifo.c interface): allocation and
// the copies in and out of the ring. One reader and one writer need no lock:
// each publishes its index only after the data it covers is in place.
#include <algorithm>
#include <cerrno>
#include <cstring>

#include <ksim/lib_abi.h>

#include "core/caller_owner.h"
#include "core/export.h"

extern "C" unsigned long _copy_to_user(void* to, const void* from, unsigned long n);
extern "C" unsigned long _copy_from_user(void* to, const void* from, unsigned long n);

namespace {

unsigned int unused(const __kfifo* fifo)
{
    return fifo->mask + 1 - (fifo->in - __atomic_load_n(&fifo->out, __ATOMIC_ACQUIRE));
}

unsigned int used(const __kfifo* fifo)
{
    return __atomic_load_n(&fifo->in, __ATOMIC_ACQUIRE) - fifo->out;
}

// The ring's bytes from element `offset` on, as at most two spans (the end, then the start).
struct Spans {
    size_t first_offset;
    size_t first_length;
    size_t second_length;
};

Spans spans(const __kfifo* fifo, unsigned int offset, unsigned int length)
{
    size_t size = (static_cast<size_t>(fifo->mask) + 1) * fifo->esize;
    size_t start = static_cast<size_t>(offset & fifo->mask) * fifo->esize;
    size_t bytes = static_cast<size_t>(length) * fifo->esize;
    size_t first = std::min(bytes, size - start);
    return {start, first, bytes - first};
}

void copy_in(__kfifo* fifo, const void* source, unsigned int length)
{
    Spans s = spans(fifo, fifo->in, length);
    auto* data = static_cast<char*>(fifo->data);
    std::memcpy(data + s.first_offset, source, s.first_length);
    std::memcpy(data, static_cast<const char*>(source) + s.first_length, s.second_length);
}

void copy_out(const __kfifo* fifo, void* target, unsigned int length)
{
    Spans s = spans(fifo, fifo->out, length);
    const auto* data = static_cast<const char*>(fifo->data);
    std::memcpy(target, data + s.first_offset, s.first_length);
    std::memcpy(static_cast<char*>(target) + s.first_length, data, s.second_length);
}

unsigned int round_up_power_of_two(unsigned long n)
{
    unsigned long power = 1;
    while (power < n)
        power <<= 1;
    return static_cast<unsigned int>(power);
}

unsigned int round_down_power_of_two(unsigned long n)
{
    return n ? static_cast<unsigned int>(1UL << (63 - __builtin_clzl(n))) : 0;
}

} // namespace

// `size` elements, rounded up to a power of two; the memory is charged to
// the calling module, so a forgotten kfifo_free() shows in its leak report.
KSIM_EXPORT int __kfifo_alloc(__kfifo* fifo, unsigned int size, size_t esize, unsigned int gfp_mask)
{
    fifo->in = fifo->out = 0;
    fifo->esize = static_cast<unsigned int>(esize);
    fifo->data = nullptr;
    fifo->mask = 0;
    size = round_up_power_of_two(size);
    if (size < 2)
        return -EINVAL;
    size_t bytes;
    if (__builtin_mul_overflow(static_cast<size_t>(size), esize, &bytes))
        return -ENOMEM;
    void* caller = __builtin_return_address(0);
    fifo->data = ksim::Kernel::current().slab().allocate(
        bytes, gfp_mask, ksim::caller_owner(caller), reinterpret_cast<uintptr_t>(caller));
    if (!fifo->data)
        return -ENOMEM;
    fifo->mask = size - 1;
    return 0;
}

KSIM_EXPORT void __kfifo_free(__kfifo* fifo)
{
    ksim::Kernel::current().slab().free(fifo->data);
    fifo->in = fifo->out = 0;
    fifo->esize = 0;
    fifo->data = nullptr;
    fifo->mask = 0;
}

// A caller's buffer of `size` bytes: as many elements as fit, rounded down to a power of two.
KSIM_EXPORT int __kfifo_init(__kfifo* fifo, void* buffer, unsigned int size, size_t esize)
{
    unsigned int elements = round_down_power_of_two(size / esize);
    fifo->in = fifo->out = 0;
    fifo->esize = static_cast<unsigned int>(esize);
    fifo->data = buffer;
    if (elements < 2) {
        fifo->mask = 0;
        return -EINVAL;
    }
    fifo->mask = elements - 1;
    return 0;
}

// Each returns how many elements it moved: no more than there is room (or data) for.
KSIM_EXPORT unsigned int __kfifo_in(__kfifo* fifo, const void* buffer, unsigned int length)
{
    length = std::min(length, unused(fifo));
    copy_in(fifo, buffer, length);
    __atomic_store_n(&fifo->in, fifo->in + length, __ATOMIC_RELEASE);
    return length;
}

KSIM_EXPORT unsigned int __kfifo_out_peek(__kfifo* fifo, void* buffer, unsigned int length)
{
    length = std::min(length, used(fifo));
    copy_out(fifo, buffer, length);
    return length;
}

KSIM_EXPORT unsigned int __kfifo_out(__kfifo* fifo, void* buffer, unsigned int length)
{
    length = __kfifo_out_peek(fifo, buffer, length);
    __atomic_store_n(&fifo->out, fifo->out + length, __ATOMIC_RELEASE);
    return length;
}

// The user-memory variants count bytes, as Linux's do: `copied` is what
// arrived, and a fault that stops the copy part-way is -EFAULT.
KSIM_EXPORT int __kfifo_from_user(__kfifo* fifo, const void* from, unsigned long length, unsigned int* copied)
{
    unsigned int elements = std::min(static_cast<unsigned int>(length / fifo->esize), unused(fifo));
    Spans s = spans(fifo, fifo->in, elements);
    auto* data = static_cast<char*>(fifo->data);
    unsigned long missed = _copy_from_user(data + s.first_offset, from, s.first_length);
    if (!missed)
        missed = _copy_from_user(data, static_cast<const char*>(from) + s.first_length, s.second_length);
    else
        missed += s.second_length;
    unsigned int done = static_cast<unsigned int>((s.first_length + s.second_length - missed) / fifo->esize);
    __atomic_store_n(&fifo->in, fifo->in + done, __ATOMIC_RELEASE);
    *copied = done * fifo->esize;
    return missed ? -EFAULT : 0;
}

KSIM_EXPORT int __kfifo_to_user(__kfifo* fifo, void* to, unsigned long length, unsigned int* copied)
{
    unsigned int elements = std::min(static_cast<unsigned int>(length / fifo->esize), used(fifo));
    Spans s = spans(fifo, fifo->out, elements);
    const auto* data = static_cast<const char*>(fifo->data);
    unsigned long missed = _copy_to_user(to, data + s.first_offset, s.first_length);
    if (!missed)
        missed = _copy_to_user(static_cast<char*>(to) + s.first_length, data, s.second_length);
    else
        missed += s.second_length;
    unsigned int done = static_cast<unsigned int>((s.first_length + s.second_length - missed) / fifo->esize);
    __atomic_store_n(&fifo->out, fifo->out + done, __ATOMIC_RELEASE);
    *copied = done * fifo->esize;
    return missed ? -EFAULT : 0;
}
