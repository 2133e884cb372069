// A sysfs attribute file served by a module's show() and store() methods, as
// kernfs serves them: show fills one page, store gets what was written.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>

#include "core/kernel.h"
#include "fs/vfs.h"

namespace ksim {

// The kernel functions that called show() or store(), for an Oops trace.
using CallerFrames = std::initializer_list<const char*>;

// Each method calls the module's own through Kernel::call_module.
struct AttributeMethods {
    std::function<ErrorOr<long>(char* page, CallerFrames)> show; // empty: the file cannot be read (EIO)
    std::function<ErrorOr<long>(const char* buffer, size_t count, CallerFrames)> store; // empty: read-only
    const void* attribute; // where the module's attribute lives, for the Oops once it is gone
    const char* show_frame; // "kobj_attr_show+0xf/0x20": the kernel function that calls show
    const char* store_frame;
};

// The methods of an attribute whose module code is show(object, attribute,
// page) and store(object, attribute, buffer, count), as kobj_attribute's and
// device_attribute's are.
template <typename Object, typename Attribute, typename Show, typename Store>
AttributeMethods module_attribute_methods(Kernel& kernel, Object* object, Attribute* attribute, Show show, Store store,
    const char* show_frame, const char* store_frame)
{
    AttributeMethods methods {{}, {}, attribute, show_frame, store_frame};
    if (ModuleFunction method(show); method)
        methods.show = [&kernel, method, object, attribute](char* page, CallerFrames frames) -> ErrorOr<long> {
            auto result = kernel.call_module(method, frames, object, attribute, page);
            if (result.is_error())
                return Errno {result.error()};
            return static_cast<long>(result.value());
        };
    if (ModuleFunction method(store); method)
        methods.store = [&kernel, method, object, attribute](
                            const char* buffer, size_t count, CallerFrames frames) -> ErrorOr<long> {
            auto result = kernel.call_module(method, frames, object, attribute, buffer, count);
            if (result.is_error())
                return Errno {result.error()};
            return static_cast<long>(result.value());
        };
    return methods;
}

// `stale` is set when the module that made the attribute is gone: the next
// access then reports the Oops of following a pointer into freed memory.
std::shared_ptr<TextFile> make_attribute_file(
    Kernel& kernel, unsigned mode, AttributeMethods methods, std::shared_ptr<const bool> stale);

} // namespace ksim
