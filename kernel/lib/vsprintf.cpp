// The kernel's printf engine (see vsprintf.h).
#include "lib/vsprintf.h"

#include <cstdio>
#include <cctype>
#include <cstring>
#include <random>
#include <string_view>

namespace ksim {

namespace {

// Per-boot key, so %p hides addresses the way Linux's siphash does.
uint64_t pointer_hash_key()
{
    static const uint64_t key = std::random_device {}() | (uint64_t {std::random_device {}()} << 32);
    return key;
}

std::string hashed_pointer(const void* pointer)
{
    uint64_t x = reinterpret_cast<uintptr_t>(pointer) ^ pointer_hash_key();
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(x & 0xffffffffULL));
    return buffer;
}

std::string raw_pointer(const void* pointer)
{
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016lx", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(pointer)));
    return buffer;
}

struct Spec {
    std::string flags;
    int width = -1;
    int precision = -1;
    std::string length;
    char conversion = 0;

    std::string c_format(std::string_view length_override) const
    {
        std::string f = "%" + flags;
        if (width >= 0)
            f += std::to_string(width);
        if (precision >= 0)
            f += "." + std::to_string(precision);
        f += length_override;
        f += conversion;
        return f;
    }
};

template <typename T> std::string format_one(const Spec& spec, std::string_view length, T value)
{
    std::string f = spec.c_format(length);
    int n = std::snprintf(nullptr, 0, f.c_str(), value);
    std::string out(static_cast<size_t>(n > 0 ? n : 0), '\0');
    std::snprintf(out.data(), out.size() + 1, f.c_str(), value);
    return out;
}

std::string pad(const Spec& spec, std::string text)
{
    if (spec.width < 0 || static_cast<int>(text.size()) >= spec.width)
        return text;
    std::string fill(static_cast<size_t>(spec.width) - text.size(), ' ');
    return spec.flags.find('-') != std::string::npos ? text + fill : fill + text;
}

std::string format_pointer(
    const Spec& spec, std::string_view& rest, const void* pointer, const SymbolFormatter& symbols)
{
    char kind = rest.empty() ? 0 : rest.front();
    auto uintptr = reinterpret_cast<uintptr_t>(pointer);
    switch (kind) {
    case 'x':
        rest.remove_prefix(1);
        return pad(spec, raw_pointer(pointer));
    case 'S':
    case 's':
    case 'B': {
        rest.remove_prefix(1);
        std::string name = symbols ? symbols(uintptr, kind != 's') : std::string();
        if (name.empty()) {
            char buffer[24];
            std::snprintf(buffer, sizeof buffer, "0x%lx", static_cast<unsigned long>(uintptr));
            name = buffer;
        }
        return pad(spec, name);
    }
    case 'e': {
        rest.remove_prefix(1);
        long error = static_cast<long>(uintptr);
        const char* name = errno_name(static_cast<int>(-error));
        if (error < 0 && error >= -4095 && *name)
            return pad(spec, std::string("-") + name);
        return pad(spec, std::to_string(error));
    }
    case 'K':
        rest.remove_prefix(1);
        return pad(spec, hashed_pointer(pointer));
    default:
        // Other extensions (%pM, %pI4, ...) print the hashed pointer, as an
        // unknown extension does on Linux; their letters stay consumed.
        while (!rest.empty() && std::isalnum(static_cast<unsigned char>(rest.front())))
            rest.remove_prefix(1);
        if (!pointer)
            return pad(spec, "(null)");
        return pad(spec, hashed_pointer(pointer));
    }
}

} // namespace

const char* errno_name(int error)
{
    switch (error) {
#define KSIM_ERRNO_NAME(name, value)                                                                                   \
    case value:                                                                                                        \
        return #name;
        KSIM_ERRNO_NAME(EPERM, 1)
        KSIM_ERRNO_NAME(ENOENT, 2) KSIM_ERRNO_NAME(ESRCH, 3) KSIM_ERRNO_NAME(EINTR, 4) KSIM_ERRNO_NAME(EIO, 5)
            KSIM_ERRNO_NAME(ENXIO, 6) KSIM_ERRNO_NAME(E2BIG, 7) KSIM_ERRNO_NAME(ENOEXEC, 8) KSIM_ERRNO_NAME(EBADF, 9)
                KSIM_ERRNO_NAME(EAGAIN, 11) KSIM_ERRNO_NAME(ENOMEM, 12) KSIM_ERRNO_NAME(EACCES, 13)
                    KSIM_ERRNO_NAME(EFAULT, 14) KSIM_ERRNO_NAME(EBUSY, 16) KSIM_ERRNO_NAME(EEXIST, 17)
                        KSIM_ERRNO_NAME(ENODEV, 19) KSIM_ERRNO_NAME(ENOTDIR, 20) KSIM_ERRNO_NAME(EISDIR, 21)
                            KSIM_ERRNO_NAME(EINVAL, 22) KSIM_ERRNO_NAME(ENOTTY, 25) KSIM_ERRNO_NAME(ENOSPC, 28)
                                KSIM_ERRNO_NAME(ESPIPE, 29) KSIM_ERRNO_NAME(EROFS, 30) KSIM_ERRNO_NAME(EPIPE, 32)
                                    KSIM_ERRNO_NAME(ERANGE, 34) KSIM_ERRNO_NAME(ENOSYS, 38) KSIM_ERRNO_NAME(ENODATA, 61)
                                        KSIM_ERRNO_NAME(EOVERFLOW, 75) KSIM_ERRNO_NAME(EOPNOTSUPP, 95)
                                            KSIM_ERRNO_NAME(ETIMEDOUT, 110) KSIM_ERRNO_NAME(EKEYREJECTED, 129)
                                                KSIM_ERRNO_NAME(ERESTARTSYS, 512) KSIM_ERRNO_NAME(ENOIOCTLCMD, 515)
                                                    KSIM_ERRNO_NAME(ENOTSUPP, 524)
#undef KSIM_ERRNO_NAME
                                                        default : return "";
    }
}

std::string kernel_vformat(const char* fmt, va_list args, const SymbolFormatter& symbols)
{
    std::string out;
    std::string_view rest(fmt);
    while (!rest.empty()) {
        size_t percent = rest.find('%');
        out.append(rest.substr(0, percent));
        if (percent == std::string_view::npos)
            break;
        rest.remove_prefix(percent + 1);

        Spec spec;
        while (!rest.empty() && std::strchr("-+ #0", rest.front())) {
            spec.flags += rest.front();
            rest.remove_prefix(1);
        }
        auto read_number = [&](int& into) {
            if (!rest.empty() && rest.front() == '*') {
                into = va_arg(args, int);
                rest.remove_prefix(1);
                return;
            }
            if (rest.empty() || !std::isdigit(static_cast<unsigned char>(rest.front())))
                return;
            into = 0;
            while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front()))) {
                into = into * 10 + (rest.front() - '0');
                rest.remove_prefix(1);
            }
        };
        read_number(spec.width);
        if (!rest.empty() && rest.front() == '.') {
            rest.remove_prefix(1);
            spec.precision = 0;
            read_number(spec.precision);
        }
        while (!rest.empty() && std::strchr("hlLqjzt", rest.front())) {
            spec.length += rest.front();
            rest.remove_prefix(1);
        }
        if (rest.empty())
            break;
        spec.conversion = rest.front();
        rest.remove_prefix(1);

        const std::string& len = spec.length;
        bool is_long = len == "l" || len == "z" || len == "t" || len == "j";
        bool is_long_long = len == "ll" || len == "L" || len == "q";
        switch (spec.conversion) {
        case '%':
            out += '%';
            break;
        case 'd':
        case 'i':
            if (is_long_long)
                out += format_one(spec, "ll", va_arg(args, long long));
            else if (is_long)
                out += format_one(spec, "l", va_arg(args, long));
            else
                out += format_one(spec, len == "hh" ? "hh" : len == "h" ? "h" : "", va_arg(args, int));
            break;
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            if (is_long_long)
                out += format_one(spec, "ll", va_arg(args, unsigned long long));
            else if (is_long)
                out += format_one(spec, "l", va_arg(args, unsigned long));
            else
                out += format_one(spec, len == "hh" ? "hh" : len == "h" ? "h" : "", va_arg(args, unsigned int));
            break;
        case 'c':
            out += format_one(spec, "", va_arg(args, int));
            break;
        case 's': {
            const char* text = va_arg(args, const char*);
            if (!text)
                text = "(null)";
            else if (reinterpret_cast<uintptr_t>(text) < 4096)
                text = "(efault)";
            out += format_one(spec, "", text);
            break;
        }
        case 'p':
            out += format_pointer(spec, rest, va_arg(args, const void*), symbols);
            break;
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
            out += format_one(spec, "", va_arg(args, double));
            break;
        default:
            // Linux prints an unknown conversion as-is.
            out += '%';
            out += spec.conversion;
            break;
        }
    }
    return out;
}

} // namespace ksim
