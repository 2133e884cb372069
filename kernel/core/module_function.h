// ModuleFunction: a pointer to module code that only the kernel's Oops guard can call.
#pragma once

#include <cstdint>

namespace ksim {

class Kernel;

// Every function pointer the kernel takes from a module (init, exit, file
// operations, parameter callbacks, timers, work, constructors, ...) is
// wrapped in this type before it is called. It has no call operator: the
// one way to run it is Kernel::call_module(), which applies the guard, so
// forgetting the guard at a new call site does not compile.
template <typename Signature> class ModuleFunction;

template <typename R, typename... Args> class ModuleFunction<R(Args...)> {
public:
    using Pointer = R (*)(Args...);

    explicit ModuleFunction(Pointer pointer)
        : m_pointer(pointer)
    {
    }

    explicit operator bool() const { return m_pointer != nullptr; }
    const void* address() const { return reinterpret_cast<const void*>(m_pointer); }

private:
    friend class Kernel;
    Pointer m_pointer;
};

template <typename R, typename... Args> ModuleFunction(R (*)(Args...)) -> ModuleFunction<R(Args...)>;

} // namespace ksim
