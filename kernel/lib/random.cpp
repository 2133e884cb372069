// The kernel's random numbers (drivers/char/random.c's interface for modules):
// the host's CSPRNG through getrandom(2), as good as Linux's own.
#include <cstdint>
#include <sys/random.h>

#include "core/export.h"

KSIM_EXPORT void get_random_bytes(void* buffer, size_t length)
{
    auto* bytes = static_cast<unsigned char*>(buffer);
    while (length) {
        ssize_t got = getrandom(bytes, length, 0);
        if (got <= 0)
            continue; // EINTR; the pool is never short once the host has booted
        bytes += got;
        length -= static_cast<size_t>(got);
    }
}

namespace {

template <typename T> T random_value()
{
    T value;
    get_random_bytes(&value, sizeof value);
    return value;
}

} // namespace

KSIM_EXPORT uint8_t get_random_u8(void)
{
    return random_value<uint8_t>();
}

KSIM_EXPORT uint16_t get_random_u16(void)
{
    return random_value<uint16_t>();
}

KSIM_EXPORT uint32_t get_random_u32(void)
{
    return random_value<uint32_t>();
}

KSIM_EXPORT uint64_t get_random_u64(void)
{
    return random_value<uint64_t>();
}
