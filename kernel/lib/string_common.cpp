// The string and memory functions of Linux's lib/string.c that the C library also has, as the kernel's own.
#include <cstdint>
#include <cstddef>
#include <sys/types.h>

#include "lib/library_export.h"

// Built with -fno-builtin (kernel/CMakeLists.txt), so these loops stay loops and
// a fault inside one is reported in the function the module called; each keeps
// its frame so the Oops can name that module function too.
namespace {

int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

} // namespace

KSIM_LIBRARY_EXPORT(memcpy) void* ksim_lib_memcpy(void* dest, const void* src, size_t n)
{
    KSIM_KEEP_FRAME();
    auto* d = static_cast<char*>(dest);
    const auto* s = static_cast<const char*>(src);
    while (n--)
        *d++ = *s++;
    return dest;
}

KSIM_LIBRARY_EXPORT(memmove) void* ksim_lib_memmove(void* dest, const void* src, size_t n)
{
    KSIM_KEEP_FRAME();
    auto* d = static_cast<char*>(dest);
    const auto* s = static_cast<const char*>(src);
    if (d <= s) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dest;
}

KSIM_LIBRARY_EXPORT(memset) void* ksim_lib_memset(void* s, int c, size_t n)
{
    KSIM_KEEP_FRAME();
    auto* p = static_cast<char*>(s);
    while (n--)
        *p++ = static_cast<char>(c);
    return s;
}

KSIM_LIBRARY_EXPORT(memcmp) int ksim_lib_memcmp(const void* a, const void* b, size_t n)
{
    KSIM_KEEP_FRAME();
    const auto* x = static_cast<const unsigned char*>(a);
    const auto* y = static_cast<const unsigned char*>(b);
    for (; n; --n, ++x, ++y)
        if (*x != *y)
            return *x - *y;
    return 0;
}

KSIM_LIBRARY_EXPORT(memchr) void* ksim_lib_memchr(const void* s, int c, size_t n)
{
    KSIM_KEEP_FRAME();
    const auto* p = static_cast<const unsigned char*>(s);
    for (; n; --n, ++p)
        if (*p == static_cast<unsigned char>(c))
            return const_cast<unsigned char*>(p);
    return nullptr;
}

KSIM_LIBRARY_EXPORT(strlen) size_t ksim_lib_strlen(const char* s)
{
    KSIM_KEEP_FRAME();
    const char* p = s;
    while (*p)
        ++p;
    return static_cast<size_t>(p - s);
}

KSIM_LIBRARY_EXPORT(strnlen) size_t ksim_lib_strnlen(const char* s, size_t maxlen)
{
    KSIM_KEEP_FRAME();
    size_t n = 0;
    while (n < maxlen && s[n])
        ++n;
    return n;
}

KSIM_LIBRARY_EXPORT(strcpy) char* ksim_lib_strcpy(char* dest, const char* src)
{
    KSIM_KEEP_FRAME();
    char* d = dest;
    while ((*d++ = *src++))
        ;
    return dest;
}

// Pads with NULs up to n, as Linux's and C's strncpy do.
KSIM_LIBRARY_EXPORT(strncpy) char* ksim_lib_strncpy(char* dest, const char* src, size_t n)
{
    KSIM_KEEP_FRAME();
    for (size_t i = 0; i < n; ++i) {
        dest[i] = *src;
        if (*src)
            ++src;
    }
    return dest;
}

KSIM_LIBRARY_EXPORT(strcat) char* ksim_lib_strcat(char* dest, const char* src)
{
    KSIM_KEEP_FRAME();
    ksim_lib_strcpy(dest + ksim_lib_strlen(dest), src);
    return dest;
}

KSIM_LIBRARY_EXPORT(strncat) char* ksim_lib_strncat(char* dest, const char* src, size_t n)
{
    KSIM_KEEP_FRAME();
    char* d = dest + ksim_lib_strlen(dest);
    for (; n && *src; --n)
        *d++ = *src++;
    *d = '\0';
    return dest;
}

// Linux's strcmp answers -1, 0 or 1.
KSIM_LIBRARY_EXPORT(strncmp) int ksim_lib_strncmp(const char* a, const char* b, size_t n)
{
    KSIM_KEEP_FRAME();
    for (; n; --n) {
        auto c1 = static_cast<unsigned char>(*a++);
        auto c2 = static_cast<unsigned char>(*b++);
        if (c1 != c2)
            return c1 < c2 ? -1 : 1;
        if (!c1)
            break;
    }
    return 0;
}

KSIM_LIBRARY_EXPORT(strcmp) int ksim_lib_strcmp(const char* a, const char* b)
{
    KSIM_KEEP_FRAME();
    return ksim_lib_strncmp(a, b, SIZE_MAX);
}

KSIM_LIBRARY_EXPORT(strncasecmp) int ksim_lib_strncasecmp(const char* a, const char* b, size_t n)
{
    KSIM_KEEP_FRAME();
    for (; n; --n) {
        int c1 = lower(static_cast<unsigned char>(*a++));
        int c2 = lower(static_cast<unsigned char>(*b++));
        if (c1 != c2 || !c1)
            return c1 - c2;
    }
    return 0;
}

KSIM_LIBRARY_EXPORT(strcasecmp) int ksim_lib_strcasecmp(const char* a, const char* b)
{
    KSIM_KEEP_FRAME();
    return ksim_lib_strncasecmp(a, b, SIZE_MAX);
}

KSIM_LIBRARY_EXPORT(strchr) char* ksim_lib_strchr(const char* s, int c)
{
    KSIM_KEEP_FRAME();
    for (; *s != static_cast<char>(c); ++s)
        if (!*s)
            return nullptr;
    return const_cast<char*>(s);
}

KSIM_LIBRARY_EXPORT(strrchr) char* ksim_lib_strrchr(const char* s, int c)
{
    KSIM_KEEP_FRAME();
    const char* last = nullptr;
    do {
        if (*s == static_cast<char>(c))
            last = s;
    } while (*s++);
    return const_cast<char*>(last);
}

KSIM_LIBRARY_EXPORT(strstr) char* ksim_lib_strstr(const char* haystack, const char* needle)
{
    KSIM_KEEP_FRAME();
    size_t needle_length = ksim_lib_strlen(needle);
    if (!needle_length)
        return const_cast<char*>(haystack);
    for (size_t left = ksim_lib_strlen(haystack); left >= needle_length; --left, ++haystack)
        if (!ksim_lib_memcmp(haystack, needle, needle_length))
            return const_cast<char*>(haystack);
    return nullptr;
}

KSIM_LIBRARY_EXPORT(strspn) size_t ksim_lib_strspn(const char* s, const char* accept)
{
    KSIM_KEEP_FRAME();
    size_t n = 0;
    while (s[n] && ksim_lib_strchr(accept, s[n]))
        ++n;
    return n;
}

KSIM_LIBRARY_EXPORT(strcspn) size_t ksim_lib_strcspn(const char* s, const char* reject)
{
    KSIM_KEEP_FRAME();
    size_t n = 0;
    while (s[n] && !ksim_lib_strchr(reject, s[n]))
        ++n;
    return n;
}

KSIM_LIBRARY_EXPORT(strpbrk) char* ksim_lib_strpbrk(const char* s, const char* accept)
{
    KSIM_KEEP_FRAME();
    s += ksim_lib_strcspn(s, accept);
    return *s ? const_cast<char*>(s) : nullptr;
}

KSIM_LIBRARY_EXPORT(strsep) char* ksim_lib_strsep(char** stringp, const char* delim)
{
    KSIM_KEEP_FRAME();
    char* start = *stringp;
    if (!start)
        return nullptr;
    char* end = ksim_lib_strpbrk(start, delim);
    if (end)
        *end++ = '\0';
    *stringp = end;
    return start;
}
