// The kernel's own string helpers that the C library does not provide (lib/string.c).
#include <cctype>
#include <cerrno>
#include <cstring>
#include <sys/types.h>

#include "core/export.h"

KSIM_EXPORT size_t strlcpy(char* dest, const char* src, size_t size)
{
    size_t length = std::strlen(src);
    if (size) {
        size_t n = length >= size ? size - 1 : length;
        std::memcpy(dest, src, n);
        dest[n] = '\0';
    }
    return length;
}

KSIM_EXPORT size_t strlcat(char* dest, const char* src, size_t count)
{
    size_t dest_length = std::strlen(dest);
    size_t length = std::strlen(src);
    size_t total = dest_length + length;
    if (dest_length >= count)
        return total;
    size_t room = count - dest_length - 1;
    size_t n = length > room ? room : length;
    std::memcpy(dest + dest_length, src, n);
    dest[dest_length + n] = '\0';
    return total;
}

// Copies at most count-1 bytes, always terminates; -E2BIG when truncated.
KSIM_EXPORT ssize_t strscpy(char* dest, const char* src, size_t count)
{
    if (count == 0)
        return -E2BIG;
    size_t i = 0;
    for (; i < count; ++i) {
        dest[i] = src[i];
        if (!src[i])
            return static_cast<ssize_t>(i);
    }
    dest[count - 1] = '\0';
    return -E2BIG;
}

KSIM_EXPORT void* memscan(void* addr, int c, size_t size)
{
    auto* p = static_cast<unsigned char*>(addr);
    while (size && *p != static_cast<unsigned char>(c)) {
        ++p;
        --size;
    }
    return p;
}

KSIM_EXPORT char* strnchr(const char* s, size_t count, int c)
{
    for (; count-- && *s; ++s)
        if (*s == static_cast<char>(c))
            return const_cast<char*>(s);
    return nullptr;
}

KSIM_EXPORT char* skip_spaces(const char* s)
{
    while (std::isspace(static_cast<unsigned char>(*s)))
        ++s;
    return const_cast<char*>(s);
}

KSIM_EXPORT char* strim(char* s)
{
    size_t size = std::strlen(s);
    if (!size)
        return s;
    char* end = s + size - 1;
    while (end >= s && std::isspace(static_cast<unsigned char>(*end)))
        --end;
    *(end + 1) = '\0';
    return skip_spaces(s);
}

// Equal, treating one trailing newline on either side as absent (sysfs input).
KSIM_EXPORT bool sysfs_streq(const char* a, const char* b)
{
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    if (*a == *b)
        return true;
    if (*a == '\n' && a[1] == '\0' && *b == '\0')
        return true;
    return *b == '\n' && b[1] == '\0' && *a == '\0';
}

KSIM_EXPORT int match_string(const char* const* array, size_t n, const char* string)
{
    for (size_t i = 0; i < n; ++i) {
        if (!array[i])
            break;
        if (std::strcmp(array[i], string) == 0)
            return static_cast<int>(i);
    }
    return -EINVAL;
}
