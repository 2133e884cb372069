// A process's user address space (see user_memory.h).
#include "uaccess/user_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <new>

namespace ksim {

std::shared_ptr<UserMemory> UserMemory::create(size_t size)
{
    std::shared_ptr<UserMemory> memory(new UserMemory);
    memory->m_fd = memfd_create("ksim-user", MFD_CLOEXEC);
    if (memory->m_fd < 0 || ftruncate(memory->m_fd, static_cast<off_t>(size)) != 0)
        return nullptr;
    void* user = mmap(nullptr, size, PROT_NONE, MAP_SHARED, memory->m_fd, 0);
    void* alias = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, memory->m_fd, 0);
    if (user == MAP_FAILED || alias == MAP_FAILED) {
        if (user != MAP_FAILED)
            munmap(user, size);
        if (alias != MAP_FAILED)
            munmap(alias, size);
        return nullptr;
    }
    memory->m_user_base = reinterpret_cast<uintptr_t>(user);
    memory->m_alias = static_cast<std::byte*>(alias);
    memory->m_size = size;
    return memory;
}

UserMemory::~UserMemory()
{
    if (m_user_base)
        munmap(reinterpret_cast<void*>(m_user_base), m_size);
    if (m_alias)
        munmap(m_alias, m_size);
    if (m_fd >= 0)
        close(m_fd);
}

size_t UserMemory::accessible(uintptr_t address, size_t length) const
{
    if (address < m_user_base || address >= m_user_base + m_size)
        return 0;
    return std::min(length, m_user_base + m_size - address);
}

std::byte* UserMemory::kernel_view(uintptr_t address) const
{
    return m_alias + (address - m_user_base);
}

uintptr_t UserMemory::allocate(size_t length)
{
    size_t start = (m_next + 15) & ~size_t {15};
    if (start + length > m_size)
        throw std::bad_alloc();
    m_next = start + length;
    return m_user_base + start;
}

uintptr_t UserMemory::store(std::string_view bytes)
{
    uintptr_t address = allocate(bytes.size());
    std::memcpy(kernel_view(address), bytes.data(), bytes.size());
    return address;
}

std::string UserMemory::load(uintptr_t address, size_t length) const
{
    length = accessible(address, length);
    return std::string(reinterpret_cast<const char*>(kernel_view(address)), length);
}

} // namespace ksim
