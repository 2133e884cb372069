// copy_to_user() and friends: the only doors between kernel and user memory.
#include <cstring>

#include "core/export.h"
#include "core/kernel.h"
#include "uaccess/user_memory.h"

namespace {

// The bytes of [address, address + length) the current task may access.
size_t user_accessible(const void* address, unsigned long length)
{
    const ksim::Task& task = ksim::Kernel::current().task();
    return task.mm ? task.mm->accessible(reinterpret_cast<uintptr_t>(address), length) : 0;
}

std::byte* user_bytes(const void* address)
{
    return ksim::Kernel::current().task().mm->kernel_view(reinterpret_cast<uintptr_t>(address));
}

} // namespace

KSIM_EXPORT bool __ksim_access_ok(const void* address, unsigned long size)
{
    return size == 0 || user_accessible(address, size) == size;
}

// Both return the number of bytes NOT copied, as Linux's do.
KSIM_EXPORT unsigned long _copy_to_user(void* to, const void* from, unsigned long n)
{
    size_t ok = user_accessible(to, n);
    if (ok)
        std::memcpy(user_bytes(to), from, ok);
    return n - ok;
}

KSIM_EXPORT unsigned long _copy_from_user(void* to, const void* from, unsigned long n)
{
    size_t ok = user_accessible(from, n);
    if (ok)
        std::memcpy(to, user_bytes(from), ok);
    std::memset(static_cast<char*>(to) + ok, 0, n - ok); // a short copy zero-fills the rest
    return n - ok;
}

KSIM_EXPORT unsigned long clear_user(void* to, unsigned long n)
{
    size_t ok = user_accessible(to, n);
    if (ok)
        std::memset(user_bytes(to), 0, ok);
    return n - ok;
}

// get_user()/put_user() of a 1, 2, 4 or 8-byte value: 0 or -EFAULT.
KSIM_EXPORT int __ksim_get_user(void* value, const void* from, unsigned long size)
{
    if (user_accessible(from, size) != size)
        return -EFAULT;
    std::memcpy(value, user_bytes(from), size);
    return 0;
}

KSIM_EXPORT int __ksim_put_user(const void* value, void* to, unsigned long size)
{
    if (user_accessible(to, size) != size)
        return -EFAULT;
    std::memcpy(user_bytes(to), value, size);
    return 0;
}

KSIM_EXPORT long strncpy_from_user(char* dst, const char* src, long count)
{
    if (count <= 0)
        return 0;
    size_t ok = user_accessible(src, static_cast<unsigned long>(count));
    if (!ok)
        return -EFAULT;
    const char* from = reinterpret_cast<const char*>(user_bytes(src));
    for (size_t i = 0; i < ok; ++i) {
        dst[i] = from[i];
        if (!from[i])
            return static_cast<long>(i);
    }
    return ok == static_cast<size_t>(count) ? count : -EFAULT;
}

KSIM_EXPORT long strnlen_user(const char* src, long count)
{
    size_t ok = user_accessible(src, static_cast<unsigned long>(count > 0 ? count : 0));
    if (!ok)
        return 0;
    const char* from = reinterpret_cast<const char*>(user_bytes(src));
    for (size_t i = 0; i < ok; ++i)
        if (!from[i])
            return static_cast<long>(i + 1);
    return count + 1;
}
