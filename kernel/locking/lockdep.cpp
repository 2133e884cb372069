// Lock-order checking (see lockdep.h).
#include "locking/lockdep.h"

#include <algorithm>
#include <cstdio>
#include <deque>

#include "core/kernel.h"
#include "core/stack_dump.h"
#include "loader/module.h"
#include "sched/atomic_sleep.h"
#include "sched/scheduler.h"

namespace ksim {

namespace {

std::string hex_address(const void* address)
{
    char text[24];
    std::snprintf(text, sizeof text, "%016lx", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(address)));
    return text;
}

// A static lock is named after its variable, as DEFINE_MUTEX(name) names it.
std::string static_lock_name(Kernel& kernel, uintptr_t address)
{
    Module* module = kernel.modules().module_at(address);
    if (!module)
        return "";
    for (const ElfSymbol& symbol : module->symbols)
        if (module->base + symbol.value == address
            && std::string_view("dDbB").find(symbol.type) != std::string_view::npos)
            return symbol.name;
    return "";
}

} // namespace

Lockdep::Lockdep(Kernel& kernel)
    : m_kernel(kernel)
{
}

int Lockdep::register_class(uintptr_t key, std::string name, LockKind kind)
{
    if (auto it = m_class_by_key.find(key); it != m_class_by_key.end())
        return it->second;
    LockClass& added = m_classes.emplace_back();
    added.name = std::move(name);
    added.kind = kind;
    added.key = key;
    int cls = static_cast<int>(m_classes.size() - 1);
    m_class_by_key[key] = cls;
    return cls;
}

void Lockdep::init_lock(const void* lock, const char* name, const void* key, void* caller, LockKind kind)
{
    std::lock_guard guard(m_lock);
    m_class_of_lock[lock] = register_class(reinterpret_cast<uintptr_t>(key ? key : caller), name, kind);
}

// A lock no init function named is keyed by its address; if that is not a
// module's variable, Linux cannot give it a class either.
int Lockdep::class_of(const void* lock, LockKind kind)
{
    if (auto it = m_class_of_lock.find(lock); it != m_class_of_lock.end())
        return it->second;
    auto address = reinterpret_cast<uintptr_t>(lock);
    std::string name = static_lock_name(m_kernel, address);
    if (name.empty()) {
        if (debug_locks_off()) {
            KernelLog& log = m_kernel.log();
            log.log(3, "INFO: trying to register non-static key.");
            log.log(3, "The code is fine but needs lockdep annotation, or maybe");
            log.log(3, "you didn't initialize this object before use?");
            log.log(3, "turning off the locking correctness validator.");
            dump_stack(m_kernel, 4);
        }
        return -1;
    }
    int cls = register_class(address, std::move(name), kind);
    m_class_of_lock[lock] = cls;
    return cls;
}

bool Lockdep::debug_locks_off()
{
    return m_kernel.taint().turn_off_lock_debugging();
}

void Lockdep::mark_usage(int cls, KernelTask& task, bool read)
{
    const struct task_struct& abi = task.abi();
    LockClass& c = m_classes[cls];
    // [0]: hardirq, [1]: softirq; ksim runs no code in hardirq context.
    if (abi.irqs_disabled == 0)
        c.enabled[0][read] = true;
    if ((abi.preempt_count & softirq_mask) == 0)
        c.enabled[1][read] = true;
    if (abi.preempt_count & softirq_offset)
        c.in_context[1][read] = true;
}

std::string Lockdep::class_name(int cls) const
{
    return m_classes[cls].name;
}

// "(lock_a){+.+.}-{3:3}"
std::string Lockdep::class_label(int cls) const
{
    const LockClass& c = m_classes[cls];
    std::string usage;
    for (int context = 0; context < 2; ++context)
        for (int read = 0; read < 2; ++read) {
            bool enabled = c.enabled[context][read], in = c.in_context[context][read];
            usage += in ? (enabled ? '?' : '-') : (enabled ? '+' : '.');
        }
    // Linux's wait types: LD_WAIT_SLEEP (3) for sleeping locks, LD_WAIT_CONFIG (2) for spinlocks.
    const char* wait = c.kind == LockKind::Sleeping ? "{3:3}" : "{2:2}";
    return "(" + c.name + "){" + usage + "}-" + wait;
}

// "ffffffffc0a02080 (lock_a){+.+.}-{3:3}, at: abba_init+0x20/0x90 [abba]"
std::string Lockdep::lock_line(const void* lock, int cls, uintptr_t ip) const
{
    return hex_address(lock) + " " + class_label(cls) + ", at: " + m_kernel.symbolize(ip, true);
}

void Lockdep::print_held_locks(const KernelTask& task)
{
    KernelLog& log = m_kernel.log();
    const struct task_struct& abi = task.abi();
    std::string who = std::string(abi.comm) + "/" + std::to_string(abi.pid);
    size_t depth = task.held_locks.size();
    if (depth == 0)
        log.log(4, "no locks held by " + who + ".");
    else
        log.log(4, std::to_string(depth) + (depth > 1 ? " locks" : " lock") + " held by " + who + ":");
    for (size_t i = 0; i < depth; ++i) {
        const HeldLock& held = task.held_locks[i];
        log.log(4, " #" + std::to_string(i) + ": " + lock_line(held.instance, held.class_id, held.ip));
    }
}

void Lockdep::print_header(const char* rule, const char* title, const char* dashes)
{
    KernelLog& log = m_kernel.log();
    log.log(4, "");
    log.log(4, rule);
    log.log(4, title);
    log.log(4, "6.1.0-ksim #1 " + m_kernel.taint().describe());
    log.log(4, dashes);
}

void Lockdep::report_recursive(KernelTask& task, const void* lock, int cls, uintptr_t ip, size_t held_index)
{
    KernelLog& log = m_kernel.log();
    const HeldLock& held = task.held_locks[held_index];
    print_header("============================================", "WARNING: possible recursive locking detected",
        "--------------------------------------------");
    log.log(4, std::string(task.abi().comm) + "/" + std::to_string(task.abi().pid) + " is trying to acquire lock:");
    log.log(4, lock_line(lock, cls, ip));
    log.log(4, "");
    log.log(4, "but task is already holding lock:");
    log.log(4, lock_line(held.instance, held.class_id, held.ip));
    log.log(4, "");
    log.log(4, "other info that might help us debug this:");
    log.log(4, " Possible unsafe locking scenario:");
    log.log(4, "");
    log.log(4, "       CPU0");
    log.log(4, "       ----");
    log.log(4, "  lock(" + class_name(held.class_id) + ");");
    log.log(4, "  lock(" + class_name(cls) + ");");
    log.log(4, "");
    log.log(4, " *** DEADLOCK ***");
    log.log(4, "");
    log.log(4, " May be due to missing lock nesting notation");
    log.log(4, "");
    print_held_locks(task);
    log.log(4, "");
    log.log(4, "stack backtrace:");
    dump_stack(m_kernel, 4);
}

// The task holds B (held_index) and wants A (cls), and the graph already
// has A -> ... -> B (`chain`, its edges in order).
void Lockdep::report_circular(
    KernelTask& task, const void* lock, int cls, uintptr_t ip, size_t held_index, const std::vector<const Edge*>& chain)
{
    KernelLog& log = m_kernel.log();
    const HeldLock& held = task.held_locks[held_index];
    print_header("======================================================",
        "WARNING: possible circular locking dependency detected",
        "------------------------------------------------------");
    log.log(4, std::string(task.abi().comm) + "/" + std::to_string(task.abi().pid) + " is trying to acquire lock:");
    log.log(4, lock_line(lock, cls, ip));
    log.log(4, "");
    log.log(4, "but task is already holding lock:");
    log.log(4, lock_line(held.instance, held.class_id, held.ip));
    log.log(4, "");
    log.log(4, "which lock already depends on the new lock.");
    log.log(4, "");
    log.log(4, "");
    log.log(4, "the existing dependency chain (in reverse order) is:");
    auto entry = [&](size_t depth, int entry_cls, const std::vector<std::string>& trace) {
        log.log(4, "");
        log.log(4, "-> #" + std::to_string(depth) + " " + class_label(entry_cls) + ":");
        for (const std::string& frame : trace)
            log.log(4, "       " + frame);
    };
    for (size_t i = chain.size(); i > 0; --i)
        entry(i, chain[i - 1]->to, chain[i - 1]->trace);
    entry(0, cls, call_trace(m_kernel));
    log.log(4, "");
    log.log(4, "other info that might help us debug this:");
    log.log(4, "");
    // The class just before B on the chain: A itself when the chain is one edge.
    int parent = chain.size() > 1 ? chain[chain.size() - 2]->to : cls;
    if (parent != cls) {
        log.log(4, "Chain exists of:");
        log.log(4, "  " + class_name(cls) + " --> " + class_name(parent) + " --> " + class_name(held.class_id));
        log.log(4, "");
    }
    log.log(4, " Possible unsafe locking scenario:");
    log.log(4, "");
    log.log(4, "       CPU0                    CPU1");
    log.log(4, "       ----                    ----");
    log.log(4, "  lock(" + class_name(held.class_id) + ");");
    log.log(4, "                               lock(" + class_name(parent) + ");");
    log.log(4, "                               lock(" + class_name(held.class_id) + ");");
    log.log(4, "  lock(" + class_name(cls) + ");");
    log.log(4, "");
    log.log(4, " *** DEADLOCK ***");
    log.log(4, "");
    print_held_locks(task);
    log.log(4, "");
    log.log(4, "stack backtrace:");
    dump_stack(m_kernel, 4);
}

std::vector<const Lockdep::Edge*> Lockdep::path(int from, int to) const
{
    // Breadth first, as Linux's check_noncircular(): the shortest chain.
    std::vector<const Edge*> via(m_classes.size(), nullptr);
    std::vector<bool> seen(m_classes.size(), false);
    std::deque<int> queue {from};
    seen[from] = true;
    while (!queue.empty()) {
        int cls = queue.front();
        queue.pop_front();
        for (const Edge& edge : m_classes[cls].after) {
            if (seen[edge.to])
                continue;
            seen[edge.to] = true;
            via[edge.to] = &edge;
            if (edge.to == to) {
                std::vector<const Edge*> chain;
                for (int at = to; at != from; at = via[at]->from)
                    chain.push_back(via[at]);
                std::reverse(chain.begin(), chain.end());
                return chain;
            }
            queue.push_back(edge.to);
        }
    }
    return {};
}

bool Lockdep::acquire(const void* lock, LockKind kind, bool read, bool trylock, uintptr_t ip)
{
    KernelTask* task = Scheduler::current();
    if (!task || !m_kernel.taint().lock_debugging())
        return false;
    std::lock_guard guard(m_lock);
    int cls = class_of(lock, kind);
    if (cls < 0)
        return false;
    mark_usage(cls, *task, read);
    auto& held = task->held_locks;
    if (!trylock) {
        // check_deadlock(): a class taken twice; rwlock readers may nest.
        for (size_t i = 0; i < held.size(); ++i) {
            if (held[i].class_id != cls || (kind == LockKind::RwSpinning && read && held[i].read))
                continue;
            bool same_lock = held[i].instance == lock && !held[i].read;
            if (debug_locks_off())
                report_recursive(*task, lock, cls, ip, i);
            return same_lock;
        }
        // check_prevs_add(): an edge from the newest held lock, and on
        // through the trylocks above the one before it.
        for (size_t i = held.size(); i > 0; --i) {
            const HeldLock& prev = held[i - 1];
            auto& edges = m_classes[prev.class_id].after;
            if (std::none_of(edges.begin(), edges.end(), [&](const Edge& e) { return e.to == cls; })) {
                std::vector<const Edge*> chain = path(cls, prev.class_id);
                if (!chain.empty()) {
                    if (debug_locks_off())
                        report_circular(*task, lock, cls, ip, i - 1, chain);
                    return false;
                }
                edges.push_back(Edge {prev.class_id, cls, call_trace(m_kernel)});
            }
            if (!prev.trylock)
                break;
        }
    }
    held.push_back(HeldLock {lock, cls, ip, read, trylock});
    return false;
}

void Lockdep::release(const void* lock)
{
    KernelTask* task = Scheduler::current();
    if (!task)
        return;
    std::lock_guard guard(m_lock);
    auto& held = task->held_locks;
    for (size_t i = held.size(); i > 0; --i)
        if (held[i - 1].instance == lock) {
            held.erase(held.begin() + static_cast<long>(i - 1));
            return;
        }
}

void Lockdep::show_all_locks()
{
    KernelLog& log = m_kernel.log();
    if (!m_kernel.taint().lock_debugging()) {
        log.log(4, "INFO: lockdep is turned off.");
        return;
    }
    log.log(4, "");
    log.log(4, "Showing all locks held in the system:");
    std::lock_guard guard(m_lock);
    for (const auto& task : m_kernel.scheduler().tasks())
        if (!task->held_locks.empty())
            print_held_locks(*task);
    log.log(4, "");
    log.log(4, "=============================================");
    log.log(4, "");
}

void Lockdep::forget_range(uintptr_t begin, uintptr_t end)
{
    std::lock_guard guard(m_lock);
    auto inside = [&](uintptr_t address) { return address >= begin && address < end; };
    std::erase_if(m_class_of_lock, [&](const auto& entry) {
        return inside(reinterpret_cast<uintptr_t>(entry.first)) || inside(m_classes[entry.second].key);
    });
    std::erase_if(m_class_by_key, [&](const auto& entry) { return inside(entry.first); });
    for (LockClass& c : m_classes)
        if (inside(c.key)) {
            c.live = false;
            c.after.clear();
        }
    for (LockClass& c : m_classes)
        std::erase_if(c.after, [&](const Edge& e) { return !m_classes[e.to].live; });
}

} // namespace ksim
