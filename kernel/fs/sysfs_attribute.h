// A sysfs attribute file served by a module's show() and store() methods, as
// kernfs serves them: show fills one page, store gets what was written.
#pragma once

#include <functional>
#include <memory>

#include "fs/vfs.h"

namespace ksim {

struct AttributeMethods {
    std::function<long(char* page)> show; // empty: the file cannot be read (EIO)
    std::function<long(const char* buffer, size_t count)> store; // empty: read-only
    const void* show_code; // the module functions, checked before each call
    const void* store_code;
    const void* attribute; // where the module's attribute lives, for the Oops once it is gone
    const char* show_frame; // "kobj_attr_show+0xf/0x20": the kernel function that calls show
    const char* store_frame;
};

// `stale` is set when the module that made the attribute is gone: the next
// access then reports the Oops of following a pointer into freed memory.
std::shared_ptr<TextFile> make_attribute_file(
    Kernel& kernel, unsigned mode, AttributeMethods methods, std::shared_ptr<const bool> stale);

} // namespace ksim
