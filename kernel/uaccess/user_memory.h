// A process's user address space, kept apart from kernel memory as SMAP keeps it on x86.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ksim {

// One shared-memory object mapped twice: at the "user" addresses with no
// access at all, and at a hidden kernel alias with read-write access. Module
// code that dereferences a user pointer therefore faults (an Oops, as under
// SMAP), while copy_to_user() and friends go through the alias and work.
class UserMemory {
public:
    static constexpr size_t default_size = 64 << 20;

    // Nullptr when the host refuses the mappings.
    static std::shared_ptr<UserMemory> create(size_t size = default_size);
    ~UserMemory();
    UserMemory(const UserMemory&) = delete;
    UserMemory& operator=(const UserMemory&) = delete;

    uintptr_t base() const { return m_user_base; }
    size_t size() const { return m_size; }
    // How many bytes from `address` on lie in this address space (0 if none).
    size_t accessible(uintptr_t address, size_t length) const;
    // The kernel's view of a user address inside the space.
    std::byte* kernel_view(uintptr_t address) const;

    // A buffer of `length` bytes for a system call's arguments, freed
    // with every buffer allocated after it by release(mark before it).
    uintptr_t allocate(size_t length);
    size_t mark() const { return m_next; }
    void release(size_t mark) { m_next = mark; }

    uintptr_t store(std::string_view bytes);
    std::string load(uintptr_t address, size_t length) const;

private:
    UserMemory() = default;
    int m_fd = -1;
    uintptr_t m_user_base = 0;
    std::byte* m_alias = nullptr;
    size_t m_size = 0;
    size_t m_next = 0;
};

} // namespace ksim
