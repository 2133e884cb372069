// The kernel's printf engine (see vsprintf.h).
#include "lib/vsprintf.h"

#include "lib/format_output.h"
#include "lib/nofault.h"

#include <climits>
#include <string>

namespace ksim {

namespace {

// printf_spec keeps the width in 24 bits and the precision in 16 (lib/vsprintf.c).
constexpr int field_width_max = (1 << 23) - 1;
constexpr int precision_max = (1 << 15) - 1;
constexpr uintptr_t page_size = 4096;
constexpr uintptr_t max_errno = 4095;

// Where Linux raises each of vsprintf's WARN_ONCE()s; like ksim's other
// warnings, the offsets are those of one build.
constexpr const char* site_field_width = "lib/vsprintf.c:2666 set_field_width+0x5d/0x70";
constexpr const char* site_precision = "lib/vsprintf.c:2675 set_precision+0x5c/0x70";
constexpr const char* site_unsupported = "lib/vsprintf.c:2641 format_decode+0x3e3/0x430";

// What a value becomes when stored in a signed bit-field of `bits` bits.
int truncate_to_bits(long long value, int bits)
{
    auto low = static_cast<unsigned long long>(value) & ((1ULL << bits) - 1);
    if (low & (1ULL << (bits - 1)))
        return static_cast<int>(static_cast<long long>(low) - (1LL << bits));
    return static_cast<int>(low);
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool is_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Linux's skip_atoi: an int that wraps silently on overflow.
int skip_atoi(const char*& fmt)
{
    unsigned value = 0;
    while (is_digit(*fmt))
        value = value * 10 + static_cast<unsigned>(*fmt++ - '0');
    return static_cast<int>(value);
}

// Linux formats the letter with %c, so a format that ends in '%' ends the message there.
std::string unsupported_message(char conversion)
{
    std::string message = "Please remove unsupported %";
    if (conversion)
        message.append(1, conversion).append(" in format string");
    return message;
}

void warn(const FormatHooks& hooks, const std::string& message, const char* site)
{
    if (hooks.warn)
        hooks.warn(message, site);
}

// %s: Linux's check_pointer() answers NULL and the first page and ERR_PTRs; ksim
// also answers "(efault)" for any address it cannot read, where Linux would Oops.
void put_string(FormatOutput& out, const char* s, FormatSpec spec)
{
    auto address = reinterpret_cast<uintptr_t>(s);
    if (!s || address < page_size || address > UINTPTR_MAX - max_errno) {
        if (spec.precision == -1)
            spec.precision = 2 * sizeof(void*); // error_string's limit
        put_text(out, s ? "(efault)" : "(null)", spec);
        return;
    }
    size_t limit = spec.precision < 0 ? SIZE_MAX : static_cast<size_t>(spec.precision);
    size_t length = 0;
    char chunk[256];
    while (length < limit) {
        size_t want = limit - length < sizeof chunk ? limit - length : sizeof chunk;
        size_t got = copy_string_nofault(chunk, s + length, want);
        if (got == 0 && length == 0) {
            spec.precision = 2 * sizeof(void*);
            put_text(out, "(efault)", spec);
            return;
        }
        size_t i = 0;
        while (i < got && chunk[i])
            out.put(chunk[i++]);
        length += i;
        if (i < want)
            break; // the string ended, or the readable memory did
    }
    out.widen(length, spec);
}

void put_char(FormatOutput& out, char c, const FormatSpec& spec)
{
    long pad = spec.field_width > 1 ? spec.field_width - 1 : 0;
    if (!(spec.flags & format_left))
        out.put_repeated(' ', pad);
    out.put(c);
    if (spec.flags & format_left)
        out.put_repeated(' ', pad);
}

enum class Length { none, hh, h, l, ll, z, t };

// The rest of a conversion after its flags, width and precision: the length
// qualifier and the conversion letter (Linux's format_decode).
Length read_qualifier(const char*& fmt)
{
    char q = *fmt;
    if (q != 'h' && q != 'l' && q != 'L' && q != 'z' && q != 't')
        return Length::none;
    ++fmt;
    if (q == 'h' && *fmt == 'h') {
        ++fmt;
        return Length::hh;
    }
    if (q == 'l' && *fmt == 'l') {
        ++fmt;
        return Length::ll;
    }
    switch (q) {
    case 'h':
        return Length::h;
    case 'l':
        return Length::l;
    case 'L':
        return Length::ll;
    case 'z':
        return Length::z;
    default:
        return Length::t;
    }
}

unsigned long long read_integer(va_list& args, Length length, bool is_signed)
{
    switch (length) {
    case Length::ll:
        return va_arg(args, unsigned long long);
    case Length::l:
    case Length::z:
    case Length::t:
        if (is_signed)
            return static_cast<unsigned long long>(va_arg(args, long));
        return va_arg(args, unsigned long);
    case Length::hh: {
        int value = va_arg(args, int);
        if (is_signed)
            return static_cast<unsigned long long>(static_cast<signed char>(value));
        return static_cast<unsigned char>(value);
    }
    case Length::h: {
        int value = va_arg(args, int);
        if (is_signed)
            return static_cast<unsigned long long>(static_cast<short>(value));
        return static_cast<unsigned short>(value);
    }
    default:
        if (is_signed)
            return static_cast<unsigned long long>(va_arg(args, int));
        return va_arg(args, unsigned int);
    }
}

// Reads "[flags][width][.precision]" after a '%' into spec (Linux's format_decode).
void read_spec(const char*& fmt, va_list& args, FormatSpec& spec, const FormatHooks& hooks)
{
    for (;; ++fmt) {
        unsigned flag = 0;
        switch (*fmt) {
        case '-':
            flag = format_left;
            break;
        case '+':
            flag = format_plus;
            break;
        case ' ':
            flag = format_space;
            break;
        case '#':
            flag = format_special;
            break;
        case '0':
            flag = format_zeropad;
            break;
        }
        if (!flag)
            break;
        spec.flags |= flag;
    }
    if (is_digit(*fmt)) {
        spec.field_width = truncate_to_bits(skip_atoi(fmt), 24);
    } else if (*fmt == '*') {
        ++fmt;
        int width = va_arg(args, int);
        spec.field_width = truncate_to_bits(width, 24);
        if (spec.field_width != width) {
            warn(hooks, "field width " + std::to_string(width) + " too large", site_field_width);
            spec.field_width = width < -field_width_max ? -field_width_max
                : width > field_width_max               ? field_width_max
                                                        : width;
        }
        if (spec.field_width < 0) {
            spec.field_width = truncate_to_bits(-static_cast<long long>(spec.field_width), 24);
            spec.flags |= format_left;
        }
    }
    if (*fmt != '.')
        return;
    ++fmt;
    if (is_digit(*fmt)) {
        spec.precision = truncate_to_bits(skip_atoi(fmt), 16);
        if (spec.precision < 0)
            spec.precision = 0;
    } else if (*fmt == '*') {
        ++fmt;
        int precision = va_arg(args, int);
        spec.precision = truncate_to_bits(precision, 16);
        if (spec.precision != precision) {
            warn(hooks, "precision " + std::to_string(precision) + " too large", site_precision);
            spec.precision = precision < 0 ? 0 : precision > precision_max ? precision_max : precision;
        }
        if (spec.precision < 0)
            spec.precision = 0;
    }
}

} // namespace

int kernel_vsnprintf(char* buf, size_t size, const char* fmt, va_list args, const FormatHooks& hooks)
{
    if (size > INT_MAX)
        return 0;
    FormatOutput out(buf, size);
    va_list ap;
    va_copy(ap, args);
    while (*fmt) {
        if (*fmt != '%') {
            out.put(*fmt++);
            continue;
        }
        ++fmt;
        FormatSpec spec;
        read_spec(fmt, ap, spec, hooks);
        Length length = read_qualifier(fmt);
        char conversion = *fmt;
        switch (conversion) {
        case 'c':
            put_char(out, static_cast<char>(va_arg(ap, int)), spec);
            break;
        case 's':
            put_string(out, va_arg(ap, const char*), spec);
            break;
        case 'p':
            put_pointer(out, fmt + 1, va_arg(ap, const void*), spec, hooks);
            while (is_alnum(fmt[1]))
                ++fmt;
            break;
        case '%':
            out.put('%');
            break;
        case 'o':
        case 'x':
        case 'X':
        case 'd':
        case 'i':
        case 'u': {
            spec.base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
            if (conversion == 'x')
                spec.flags |= format_small;
            bool is_signed = conversion == 'd' || conversion == 'i';
            if (is_signed)
                spec.flags |= format_sign;
            put_number(out, read_integer(ap, length, is_signed), spec);
            break;
        }
        default:
            // %n, floating point and anything else: the arguments can no longer be
            // trusted to line up with the format, so Linux stops here.
            warn(hooks, unsupported_message(conversion), site_unsupported);
            out.terminate();
            va_end(ap);
            return static_cast<int>(out.length());
        }
        ++fmt;
    }
    out.terminate();
    va_end(ap);
    return static_cast<int>(out.length());
}

std::string kernel_vformat(const char* fmt, va_list args, const FormatHooks& hooks)
{
    char small[256];
    int length = kernel_vsnprintf(small, sizeof small, fmt, args, hooks);
    if (static_cast<size_t>(length) < sizeof small)
        return std::string(small, static_cast<size_t>(length));
    // Too long for the first pass: format again into the right size, without
    // warning a second time.
    std::string text(static_cast<size_t>(length) + 1, '\0');
    kernel_vsnprintf(text.data(), text.size(), fmt, args, FormatHooks {hooks.symbols, {}});
    text.resize(static_cast<size_t>(length));
    return text;
}

std::string kernel_vformat(const char* fmt, va_list args, const SymbolFormatter& symbols)
{
    return kernel_vformat(fmt, args, FormatHooks {symbols, {}});
}

} // namespace ksim
