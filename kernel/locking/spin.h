// The atomic word of a spinlock, for kernel code that guards the structures it shares with modules.
#pragma once

#include <atomic>
#include <thread>

#include <ksim/sched_abi.h>

namespace ksim {

inline bool spin_try_acquire(spinlock_t* lock)
{
    return std::atomic_ref<int>(lock->locked).exchange(1, std::memory_order_acquire) == 0;
}

// Spins until the lock is free. The holder is another host thread, which the
// host keeps running; after a short spin the waiter yields its core to it.
inline void spin_acquire(spinlock_t* lock)
{
    std::atomic_ref<int> word(lock->locked);
    for (int spins = 0; !spin_try_acquire(lock);) {
        while (word.load(std::memory_order_relaxed) != 0)
            if (++spins > 100)
                std::this_thread::yield();
    }
}

inline void spin_release(spinlock_t* lock)
{
    std::atomic_ref<int>(lock->locked).store(0, std::memory_order_release);
}

// Holds a spinlock for a scope of kernel code.
class SpinGuard {
public:
    explicit SpinGuard(spinlock_t* lock)
        : m_lock(lock)
    {
        spin_acquire(m_lock);
    }
    ~SpinGuard() { spin_release(m_lock); }
    SpinGuard(const SpinGuard&) = delete;
    SpinGuard& operator=(const SpinGuard&) = delete;

private:
    spinlock_t* m_lock;
};

} // namespace ksim
