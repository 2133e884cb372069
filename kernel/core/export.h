// KSIM_EXPORT marks a kernel function or object that modules may link against.
#pragma once

// The kernel is compiled with hidden visibility; only these names reach the
// executable's dynamic symbol table, where the dynamic linker binds modules.
#define KSIM_EXPORT extern "C" __attribute__((visibility("default")))
