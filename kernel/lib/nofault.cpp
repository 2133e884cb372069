// Reading memory without faulting (see nofault.h).
#include "lib/nofault.h"

#include <sys/uio.h>
#include <unistd.h>

namespace ksim {

namespace {

// Host pages are 4 KiB or a multiple of it, so a 4 KiB chunk never straddles two.
constexpr uintptr_t page_size = 4096;

// The bytes from `at` to the end of its page, at most `left`.
size_t chunk_at(uintptr_t at, size_t left)
{
    size_t chunk = page_size - (at % page_size);
    return chunk < left ? chunk : left;
}

// process_vm_readv never splits one iovec, so a read within a page either copies
// it all or fails with EFAULT.
bool read_page_part(void* to, uintptr_t at, size_t chunk)
{
    iovec local {to, chunk};
    iovec remote {reinterpret_cast<void*>(at), chunk};
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == static_cast<ssize_t>(chunk);
}

} // namespace

size_t ReadablePages::copy(void* to, const void* from, size_t n)
{
    auto address = reinterpret_cast<uintptr_t>(from);
    size_t copied = 0;
    while (copied < n) {
        uintptr_t at = address + copied;
        size_t chunk = chunk_at(at, n - copied);
        uintptr_t page = at / page_size + 1;
        uintptr_t& slot = m_pages[page % m_pages.size()];
        auto* out = static_cast<char*>(to) + copied;
        if (slot == page) {
            const auto* in = reinterpret_cast<const char*>(at);
            for (size_t i = 0; i < chunk; ++i)
                out[i] = in[i];
        } else if (read_page_part(out, at, chunk)) {
            slot = page;
        } else {
            break;
        }
        copied += chunk;
    }
    return copied;
}

} // namespace ksim
