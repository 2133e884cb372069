// kstrto*() and simple_strto*(): Linux's strict string-to-number conversions (lib/kstrtox.c).
#include <cerrno>
#include <climits>
#include <cstdint>

#include "core/export.h"
#include "lib/kstrtox.h"

namespace {

unsigned int fixup_radix(const char*& s, unsigned int base)
{
    auto lower = [](char c) { return static_cast<char>(c | 0x20); };
    auto is_xdigit = [](char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); };
    if (base == 0) {
        if (s[0] == '0') {
            base = (lower(s[1]) == 'x' && is_xdigit(s[2])) ? 16 : 8;
        } else {
            base = 10;
        }
    }
    if (base == 16 && s[0] == '0' && lower(s[1]) == 'x')
        s += 2;
    return base;
}

struct Parsed {
    unsigned long long value = 0;
    unsigned int digits = 0;
    bool overflow = false;
};

Parsed parse_integer(const char*& s, unsigned int base)
{
    Parsed p;
    while (*s) {
        char c = *s;
        unsigned int digit;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned int>(c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            digit = static_cast<unsigned int>((c | 0x20) - 'a' + 10);
        else
            break;
        if (digit >= base)
            break;
        if (__builtin_mul_overflow(p.value, base, &p.value) || __builtin_add_overflow(p.value, digit, &p.value))
            p.overflow = true;
        ++p.digits;
        ++s;
    }
    return p;
}

int kstrtoull_body(const char* s, unsigned int base, unsigned long long* res)
{
    base = fixup_radix(s, base);
    Parsed p = parse_integer(s, base);
    if (p.digits == 0)
        return -EINVAL;
    if (p.overflow)
        return -ERANGE;
    if (*s == '\n')
        ++s;
    if (*s)
        return -EINVAL;
    *res = p.value;
    return 0;
}

} // namespace

KSIM_EXPORT int kstrtoull(const char* s, unsigned int base, unsigned long long* res)
{
    if (s[0] == '+')
        ++s;
    return kstrtoull_body(s, base, res);
}

KSIM_EXPORT int kstrtoll(const char* s, unsigned int base, long long* res)
{
    unsigned long long tmp;
    if (s[0] == '-') {
        int rv = kstrtoull_body(s + 1, base, &tmp);
        if (rv < 0)
            return rv;
        if (tmp > static_cast<unsigned long long>(LLONG_MAX) + 1)
            return -ERANGE;
        *res = static_cast<long long>(0ULL - tmp);
        return 0;
    }
    int rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp > static_cast<unsigned long long>(LLONG_MAX))
        return -ERANGE;
    *res = static_cast<long long>(tmp);
    return 0;
}

namespace {

template <typename T> int to_unsigned(const char* s, unsigned int base, T* res)
{
    unsigned long long tmp;
    int rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != static_cast<T>(tmp))
        return -ERANGE;
    *res = static_cast<T>(tmp);
    return 0;
}

template <typename T> int to_signed(const char* s, unsigned int base, T* res)
{
    long long tmp;
    int rv = kstrtoll(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != static_cast<T>(tmp))
        return -ERANGE;
    *res = static_cast<T>(tmp);
    return 0;
}

unsigned long long simple_parse(const char* cp, char** endp, unsigned int base)
{
    const char* s = cp;
    base = fixup_radix(s, base);
    Parsed p = parse_integer(s, base);
    if (endp)
        *endp = const_cast<char*>(s);
    return p.value;
}

} // namespace

KSIM_EXPORT int kstrtoul(const char* s, unsigned int base, unsigned long* res)
{
    return to_unsigned(s, base, res);
}
KSIM_EXPORT int kstrtol(const char* s, unsigned int base, long* res)
{
    return to_signed(s, base, res);
}
KSIM_EXPORT int kstrtouint(const char* s, unsigned int base, unsigned int* res)
{
    return to_unsigned(s, base, res);
}
KSIM_EXPORT int kstrtoint(const char* s, unsigned int base, int* res)
{
    return to_signed(s, base, res);
}
KSIM_EXPORT int kstrtou16(const char* s, unsigned int base, uint16_t* res)
{
    return to_unsigned(s, base, res);
}
KSIM_EXPORT int kstrtos16(const char* s, unsigned int base, int16_t* res)
{
    return to_signed(s, base, res);
}
KSIM_EXPORT int kstrtou8(const char* s, unsigned int base, uint8_t* res)
{
    return to_unsigned(s, base, res);
}
KSIM_EXPORT int kstrtos8(const char* s, unsigned int base, int8_t* res)
{
    return to_signed(s, base, res);
}

// Linux 6.1 looks at the first one or two characters only.
KSIM_EXPORT int kstrtobool(const char* s, bool* res)
{
    if (!s)
        return -EINVAL;
    switch (s[0]) {
    case 'y':
    case 'Y':
    case 't':
    case 'T':
    case '1':
        *res = true;
        return 0;
    case 'n':
    case 'N':
    case 'f':
    case 'F':
    case '0':
        *res = false;
        return 0;
    case 'o':
    case 'O':
        switch (s[1]) {
        case 'n':
        case 'N':
            *res = true;
            return 0;
        case 'f':
        case 'F':
            *res = false;
            return 0;
        default:
            break;
        }
        break;
    default:
        break;
    }
    return -EINVAL;
}

KSIM_EXPORT unsigned long long simple_strtoull(const char* cp, char** endp, unsigned int base)
{
    return simple_parse(cp, endp, base);
}

KSIM_EXPORT unsigned long simple_strtoul(const char* cp, char** endp, unsigned int base)
{
    return simple_parse(cp, endp, base);
}

KSIM_EXPORT long long simple_strtoll(const char* cp, char** endp, unsigned int base)
{
    if (*cp == '-')
        return -static_cast<long long>(simple_parse(cp + 1, endp, base));
    return static_cast<long long>(simple_parse(cp, endp, base));
}

KSIM_EXPORT long simple_strtol(const char* cp, char** endp, unsigned int base)
{
    return static_cast<long>(simple_strtoll(cp, endp, base));
}
