// Lock-order checking as Linux's lockdep does it: lock classes, the locks each task holds, and the
// dependency graph between classes, with Linux's reports for recursive and circular locking.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ksim {

class Kernel;
class KernelTask;

// What kind of lock a class is; it decides the "{3:3}" wait type Linux prints
// and whether taking it twice for reading is allowed.
enum class LockKind {
    Sleeping, // mutex, rw_semaphore
    Spinning, // spinlock_t
    RwSpinning, // rwlock_t: readers may nest
};

class Lockdep {
public:
    explicit Lockdep(Kernel& kernel);

    // lockdep_init_map(): `lock` belongs to the class of `key`, the static
    // lock_class_key of its mutex_init() call, named `name` ("&dev->lock").
    // Modules built before the SDK passed keys pass none: their call site
    // (`caller`) stands for it.
    void init_lock(const void* lock, const char* name, const void* key, void* caller, LockKind kind);

    // lock_acquire(), before the task waits for the lock, so a deadlock is
    // reported before it happens. `read` for shared holders, `trylock` for a
    // lock already taken without waiting. Returns true when the task already
    // holds this very lock for writing: waiting for it would never end.
    bool acquire(const void* lock, LockKind kind, bool read, bool trylock, uintptr_t ip);
    // lock_release().
    void release(const void* lock);

    // debug_show_all_locks(): every task's held locks, for the hung-task report.
    void show_all_locks();
    // lockdep_free_key_range(): a module's memory is going; its classes go too.
    void forget_range(uintptr_t begin, uintptr_t end);

private:
    struct Edge {
        int from;
        int to;
        std::vector<std::string> trace; // where the later lock was taken
    };
    struct LockClass {
        std::string name;
        LockKind kind;
        uintptr_t key;
        // lockdep's usage bits: held with hardirqs / softirqs enabled, for
        // writing and for reading; and held in softirq context.
        bool enabled[2][2] {};
        bool in_context[2][2] {};
        std::vector<Edge> after; // classes taken while holding this one
        bool live = true;
    };

    int class_of(const void* lock, LockKind kind);
    int register_class(uintptr_t key, std::string name, LockKind kind);
    void mark_usage(int cls, KernelTask& task, bool read);
    // The classes from `from` to `to` along dependency edges, or empty.
    std::vector<const Edge*> path(int from, int to) const;

    std::string class_name(int cls) const;
    std::string class_label(int cls) const;
    std::string lock_line(const void* lock, int cls, uintptr_t ip) const;
    void print_held_locks(const KernelTask& task);
    void print_header(const char* rule, const char* title, const char* dashes);
    void report_recursive(KernelTask& task, const void* lock, int cls, uintptr_t ip, size_t held_index);
    void report_circular(KernelTask& task, const void* lock, int cls, uintptr_t ip, size_t held_index,
        const std::vector<const Edge*>& chain);
    // debug_locks_off(): true for the one caller that turned it off.
    bool debug_locks_off();

    Kernel& m_kernel;
    std::mutex m_lock; // lockdep's graph_lock; also guards every task's held_locks
    std::vector<LockClass> m_classes;
    std::unordered_map<uintptr_t, int> m_class_by_key;
    std::unordered_map<const void*, int> m_class_of_lock;
};

} // namespace ksim
