// The one place ksim touches Boost.DLL: mapping a module, finding its descriptor, unmapping it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/error_or.h"

namespace ksim {

class DynamicLibrary {
public:
    // Maps the file with every symbol bound now (a missing one fails here,
    // not at its first call) and made visible to modules loaded later, so
    // the symbols it exports can be linked against.
    static ErrorOr<std::unique_ptr<DynamicLibrary>> open(const std::string& absolute_path, std::string& error_text);

    ~DynamicLibrary();
    DynamicLibrary(const DynamicLibrary&) = delete;
    DynamicLibrary& operator=(const DynamicLibrary&) = delete;

    // Address of a defined symbol, or nullptr.
    void* symbol(const char* name) const;
    uintptr_t base_address() const { return m_base; }
    size_t mapped_size() const { return m_size; }
    // Unmaps; false if the dynamic linker kept the object mapped.
    bool close();

private:
    struct Impl;
    explicit DynamicLibrary(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    std::string m_path;
    uintptr_t m_base = 0;
    size_t m_size = 0;
};

} // namespace ksim
