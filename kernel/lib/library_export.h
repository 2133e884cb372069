// KSIM_LIBRARY_EXPORT: a kernel function for modules whose name the C library also uses (strlen, sprintf, ...).
#pragma once

// Modules must reach the kernel's strlen, while ksim itself and the libraries it
// links keep the C library's. So the definition is named ksim_lib_NAME and enters
// the dynamic symbol table only as NAME@KSIM_KERNEL (a version node of
// kernel/ksim_kernel.map.in, which also keeps ksim_lib_* out of the table): the dynamic
// linker binds a module's unversioned reference to it, the libraries' versioned
// references (NAME@GLIBC_2.2.5) still bind to the C library, and ksim's own calls
// never see it. dladdr names it NAME, so an Oops inside says "strlen+0x...".
#define KSIM_LIBRARY_EXPORT(name)                                                                                      \
    __asm__(".symver ksim_lib_" #name ", " #name "@KSIM_KERNEL");                                                      \
    extern "C" __attribute__((visibility("default"), used))

// Sets up this function's frame even when it is a leaf, which GCC 12 skips despite
// -fno-omit-frame-pointer: an Oops walking RBP from a fault inside strlen must
// reach the module function that called it.
#define KSIM_KEEP_FRAME() __asm__ volatile("" : : "r"(__builtin_frame_address(0)))
