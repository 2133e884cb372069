// Reading memory without faulting (see nofault.h).
#include "lib/nofault.h"

#include <cstdint>
#include <dlfcn.h>
#include <sys/uio.h>
#include <unistd.h>

namespace ksim {

namespace {

// Host pages are 4 KiB or a multiple of it, so a 4 KiB chunk never straddles two.
constexpr uintptr_t page_size = 4096;

// Mapped as long as its object stays loaded. (The padding between an object's
// segments is mapped too, but without access: a pointer there still faults.)
bool in_loaded_object(uintptr_t address)
{
    dl_find_object found;
    return _dl_find_object(reinterpret_cast<void*>(address), &found) == 0;
}

// process_vm_readv never splits one iovec, so a read within a page either copies
// it all or fails with EFAULT; one across pages may stop at the first bad page.
bool read_probed(char* to, uintptr_t at, size_t chunk)
{
    iovec local {to, chunk};
    iovec remote {reinterpret_cast<void*>(at), chunk};
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == static_cast<ssize_t>(chunk);
}

// Copies page by page; a string copy ends after the NUL that ends the string,
// which matters where a read past it is a bug (AddressSanitizer's redzones).
size_t copy_pages(char* to, uintptr_t address, size_t n, bool up_to_nul)
{
    size_t copied = 0;
    while (copied < n) {
        uintptr_t at = address + copied;
        size_t chunk = page_size - (at % page_size);
        if (chunk > n - copied)
            chunk = n - copied;
        char* out = to + copied;
        if (in_loaded_object(at)) {
            const auto* in = reinterpret_cast<const char*>(at);
            for (size_t i = 0; i < chunk; ++i) {
                out[i] = in[i];
                if (up_to_nul && !in[i])
                    return copied + i + 1;
            }
        } else if (!read_probed(out, at, chunk)) {
            break;
        } else if (up_to_nul) {
            for (size_t i = 0; i < chunk; ++i)
                if (!out[i])
                    return copied + i + 1;
        }
        copied += chunk;
    }
    return copied;
}

} // namespace

size_t copy_nofault(void* to, const void* from, size_t n)
{
    return copy_pages(static_cast<char*>(to), reinterpret_cast<uintptr_t>(from), n, false);
}

size_t copy_string_nofault(char* to, const char* from, size_t n)
{
    return copy_pages(to, reinterpret_cast<uintptr_t>(from), n, true);
}

bool copy_all_nofault(void* to, const void* from, size_t n)
{
    return read_probed(static_cast<char*>(to), reinterpret_cast<uintptr_t>(from), n);
}

} // namespace ksim
