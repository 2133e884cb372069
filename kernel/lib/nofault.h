// Reading memory a module handed the kernel without faulting on a bad address (Linux's copy_from_kernel_nofault).
#pragma once

#include <cstddef>

namespace ksim {

// Copies up to n bytes from `from` and returns how many it copied: fewer than n
// when it reaches memory that is unmapped or not readable. Pages inside a loaded
// ELF object (ksim, its libraries, a module's image: where string literals live)
// are read directly; any other page costs one process_vm_readv on ksim itself.
// Nothing is allocated.
size_t copy_nofault(void* to, const void* from, size_t n);

// The same for a string (Linux's strncpy_from_kernel_nofault): stops after the
// first NUL it copies, so it never reads past the end of a string it can see.
size_t copy_string_nofault(char* to, const char* from, size_t n);

// All n bytes or none, as copy_from_kernel_nofault() answers show_opcodes().
// Always probed: the gaps between an object's segments are mapped without access.
bool copy_all_nofault(void* to, const void* from, size_t n);

} // namespace ksim
