// vsnprintf's %p and its extensions (Linux's pointer()), and the errno names of %pe.
#include "lib/format_output.h"
#include "lib/vsprintf.h"

#include <random>

namespace ksim {

namespace {

constexpr uintptr_t max_errno = 4095;

bool is_err_or_null(const void* pointer)
{
    auto value = reinterpret_cast<uintptr_t>(pointer);
    return !value || value > UINTPTR_MAX - max_errno;
}

// Per-boot key, so %p hides addresses the way Linux's siphash does.
uint64_t pointer_hash_key()
{
    static const uint64_t key = std::random_device {}() | (uint64_t {std::random_device {}()} << 32);
    return key;
}

// Linux's pointer_string: all 16 hex digits unless a width says otherwise.
void put_raw_pointer(FormatOutput& out, uintptr_t value, FormatSpec spec)
{
    spec.base = 16;
    spec.flags |= format_small;
    if (spec.field_width == -1) {
        spec.field_width = 2 * sizeof(void*);
        spec.flags |= format_zeropad;
    }
    put_number(out, value, spec);
}

// Linux's ptr_to_id: NULL and ERR_PTRs as they are, other addresses hashed to 32 bits.
void put_hashed_pointer(FormatOutput& out, const void* pointer, const FormatSpec& spec)
{
    auto value = reinterpret_cast<uintptr_t>(pointer);
    if (is_err_or_null(pointer)) {
        put_raw_pointer(out, value, spec);
        return;
    }
    uint64_t x = value ^ pointer_hash_key();
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    put_raw_pointer(out, static_cast<uintptr_t>(x & 0xffffffffULL), spec);
}

} // namespace

void put_pointer(
    FormatOutput& out, const char* extension, const void* pointer, FormatSpec spec, const FormatHooks& hooks)
{
    auto value = reinterpret_cast<uintptr_t>(pointer);
    switch (*extension) {
    case 'x':
        put_raw_pointer(out, value, spec);
        return;
    case 'S':
    case 's':
    case 'B': {
        std::string name = hooks.symbols ? hooks.symbols(value, *extension != 's') : std::string();
        if (name.empty()) {
            // Linux prints an address it cannot name as %px with "0x".
            spec.base = 16;
            spec.flags |= format_special | format_small;
            put_number(out, value, spec);
            return;
        }
        put_text(out, name, spec);
        return;
    }
    case 'e': {
        // %pe of something that is not an ERR_PTR is plain %p.
        auto error = static_cast<long>(value);
        if (error >= 0 || error < -static_cast<long>(max_errno))
            break;
        const char* name = errno_name(static_cast<int>(-error));
        if (*name) {
            put_text(out, std::string("-") + name, spec);
            return;
        }
        spec.flags |= format_sign;
        spec.base = 10;
        put_number(out, static_cast<unsigned long long>(error), spec);
        return;
    }
    case 'K':
        break; // kptr_restrict is 0: hashed like %p
    default:
        // Extensions that read the object (%pM, %pI4, %pV, ...) say "(null)" for
        // NULL; ksim prints them, and any unknown letter, as a hashed %p.
        if (*extension && !pointer) {
            if (spec.precision == -1)
                spec.precision = 2 * sizeof(void*);
            put_text(out, "(null)", spec);
            return;
        }
        break;
    }
    put_hashed_pointer(out, pointer, spec);
}

const char* errno_name(int error)
{
    switch (error) {
#define KSIM_ERRNO_NAME(name, value)                                                                                   \
    case value:                                                                                                        \
        return #name;
        KSIM_ERRNO_NAME(EPERM, 1)
        KSIM_ERRNO_NAME(ENOENT, 2)
        KSIM_ERRNO_NAME(ESRCH, 3) KSIM_ERRNO_NAME(EINTR, 4) KSIM_ERRNO_NAME(EIO, 5) KSIM_ERRNO_NAME(ENXIO, 6)
            KSIM_ERRNO_NAME(E2BIG, 7) KSIM_ERRNO_NAME(ENOEXEC, 8) KSIM_ERRNO_NAME(EBADF, 9) KSIM_ERRNO_NAME(EAGAIN, 11)
                KSIM_ERRNO_NAME(ENOMEM, 12) KSIM_ERRNO_NAME(EACCES, 13) KSIM_ERRNO_NAME(EFAULT, 14)
                    KSIM_ERRNO_NAME(EBUSY, 16) KSIM_ERRNO_NAME(EEXIST, 17) KSIM_ERRNO_NAME(ENODEV, 19)
                        KSIM_ERRNO_NAME(ENOTDIR, 20) KSIM_ERRNO_NAME(EISDIR, 21) KSIM_ERRNO_NAME(EINVAL, 22)
                            KSIM_ERRNO_NAME(ENOTTY, 25) KSIM_ERRNO_NAME(ENOSPC, 28) KSIM_ERRNO_NAME(ESPIPE, 29)
                                KSIM_ERRNO_NAME(EROFS, 30) KSIM_ERRNO_NAME(EPIPE, 32) KSIM_ERRNO_NAME(ERANGE, 34)
                                    KSIM_ERRNO_NAME(ENOSYS, 38) KSIM_ERRNO_NAME(ENODATA, 61)
                                        KSIM_ERRNO_NAME(EOVERFLOW, 75) KSIM_ERRNO_NAME(EOPNOTSUPP, 95)
                                            KSIM_ERRNO_NAME(ETIMEDOUT, 110) KSIM_ERRNO_NAME(EKEYREJECTED, 129)
                                                KSIM_ERRNO_NAME(ERESTARTSYS, 512) KSIM_ERRNO_NAME(ENOIOCTLCMD, 515)
                                                    KSIM_ERRNO_NAME(ENOTSUPP, 524)
#undef KSIM_ERRNO_NAME
                                                        default : return "";
    }
}

} // namespace ksim
