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
// it all or fails with EFAULT.
bool read_probed(char* to, uintptr_t at, size_t chunk)
{
    iovec local {to, chunk};
    iovec remote {reinterpret_cast<void*>(at), chunk};
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == static_cast<ssize_t>(chunk);
}

} // namespace

size_t copy_nofault(void* to, const void* from, size_t n)
{
    auto address = reinterpret_cast<uintptr_t>(from);
    size_t copied = 0;
    while (copied < n) {
        uintptr_t at = address + copied;
        size_t chunk = page_size - (at % page_size);
        if (chunk > n - copied)
            chunk = n - copied;
        char* out = static_cast<char*>(to) + copied;
        if (in_loaded_object(at)) {
            const auto* in = reinterpret_cast<const char*>(at);
            for (size_t i = 0; i < chunk; ++i)
                out[i] = in[i];
        } else if (!read_probed(out, at, chunk)) {
            break;
        }
        copied += chunk;
    }
    return copied;
}

} // namespace ksim
