// Reading memory a module handed the kernel without faulting on a bad address (Linux's copy_from_kernel_nofault).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace ksim {

// Reads memory whose address came from a module. copy() copies up to n bytes and
// returns how many it copied: fewer than n when it reaches memory that is unmapped
// or not readable. Each new page costs one process_vm_readv on ksim itself; the
// last pages found readable are remembered and read directly, so printk's usual
// strings cost no system call. A remembered page unmapped since then faults in
// the reader, under the caller's Oops guard, as Linux's string() would.
class ReadablePages {
public:
    size_t copy(void* to, const void* from, size_t n);

private:
    std::array<uintptr_t, 16> m_pages {}; // page number + 1, 0 when empty
};

} // namespace ksim
