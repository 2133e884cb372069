// Lockdep: lock orders reported as Linux reports them, before any deadlock. Orders between tasks are
// forced with completions, never by timing.
#include <doctest/doctest.h>

#include <string>

#include <ksim/sched_abi.h>

#include "core/kernel.h"

using namespace ksim;

extern "C" {
struct task_struct* kthread_create_on_node(int (*threadfn)(void*), void* data, int node, const char* namefmt, ...);
int kthread_stop(struct task_struct* task);
int wake_up_process(struct task_struct* task);
void __init_waitqueue_head(struct wait_queue_head* head, const char*, void*);
void complete(struct completion* x);
void wait_for_completion(struct completion* x);
void __mutex_init(struct mutex* lock, const char*, void*);
void mutex_lock(struct mutex* lock);
void mutex_unlock(struct mutex* lock);
void __raw_spin_lock_init(spinlock_t* lock, const char*, void*);
void _raw_spin_lock(spinlock_t* lock);
void _raw_spin_unlock(spinlock_t* lock);
}

namespace {

std::string log_text(Kernel& kernel)
{
    std::string all;
    for (const auto& record : kernel.log().ring().read_from(0))
        all += record.text + "\n";
    return all;
}

size_t count(const std::string& text, const std::string& what)
{
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

struct Pair {
    struct mutex a, b;
    struct completion done;
};

void lock_both(struct mutex* first, struct mutex* second)
{
    mutex_lock(first);
    mutex_lock(second);
    mutex_unlock(second);
    mutex_unlock(first);
}

int a_then_b(void* data)
{
    auto& p = *static_cast<Pair*>(data);
    lock_both(&p.a, &p.b);
    complete(&p.done);
    return 0;
}

void init_pair(Pair& p)
{
    __mutex_init(&p.a, "&p->a", nullptr);
    __mutex_init(&p.b, "&p->b", nullptr);
    p.done.done = 0;
    __init_waitqueue_head(&p.done.wait, "&p->done", nullptr);
}

// Another task takes A then B and is done; then this one takes B then A.
std::string run_ab_then_ba()
{
    Kernel kernel;
    Pair p;
    init_pair(p);
    struct task_struct* thread = kthread_create_on_node(a_then_b, &p, -1, "a_then_b");
    wake_up_process(thread);
    wait_for_completion(&p.done);
    lock_both(&p.b, &p.a);
    kthread_stop(thread);
    return log_text(kernel);
}

} // namespace

TEST_CASE("an AB-BA order is reported with Linux's layout the first time it is seen, before any deadlock")
{
    std::string log = run_ab_then_ba();
    CHECK(count(log, "WARNING: possible circular locking dependency detected") == 1);
    CHECK(log.find(" is trying to acquire lock:\n") != std::string::npos);
    CHECK(log.find(" (&p->a){+.+.}-{3:3}, at: ") != std::string::npos);
    CHECK(log.find("but task is already holding lock:\n") != std::string::npos);
    CHECK(log.find("which lock already depends on the new lock.\n") != std::string::npos);
    CHECK(log.find("-> #1 (&p->b){+.+.}-{3:3}:\n") != std::string::npos);
    CHECK(log.find("-> #0 (&p->a){+.+.}-{3:3}:\n") != std::string::npos);
    CHECK(log.find("  lock(&p->b);\n"
                   "                               lock(&p->a);\n"
                   "                               lock(&p->b);\n"
                   "  lock(&p->a);\n")
        != std::string::npos);
    CHECK(log.find(" *** DEADLOCK ***\n") != std::string::npos);
    CHECK(log.find("1 lock held by ") != std::string::npos);
}

TEST_CASE("one order taken by two tasks is never reported")
{
    Kernel kernel;
    Pair p;
    init_pair(p);
    struct task_struct* thread = kthread_create_on_node(a_then_b, &p, -1, "a_then_b");
    wake_up_process(thread);
    wait_for_completion(&p.done);
    lock_both(&p.a, &p.b);
    kthread_stop(thread);
    CHECK(log_text(kernel).find("WARNING") == std::string::npos);
}

TEST_CASE("after its first report lockdep is off: a second inversion is not reported")
{
    Kernel kernel;
    Pair first, second;
    init_pair(first);
    init_pair(second);
    lock_both(&first.a, &first.b);
    lock_both(&first.b, &first.a);
    lock_both(&second.a, &second.b);
    lock_both(&second.b, &second.a);
    CHECK(count(log_text(kernel), "WARNING: possible circular locking dependency detected") == 1);
}

TEST_CASE("two locks of one class nested are recursive locking to lockdep")
{
    Kernel kernel;
    spinlock_t locks[2];
    static char key; // one spin_lock_init() call site's lock_class_key
    for (auto& lock : locks)
        __raw_spin_lock_init(&lock, "&lock", &key);
    _raw_spin_lock(&locks[0]);
    _raw_spin_lock(&locks[1]);
    _raw_spin_unlock(&locks[1]);
    _raw_spin_unlock(&locks[0]);
    std::string log = log_text(kernel);
    CHECK(log.find("WARNING: possible recursive locking detected\n") != std::string::npos);
    CHECK(log.find(" (&lock){+.+.}-{2:2}, at: ") != std::string::npos);
    CHECK(log.find("       CPU0\n       ----\n  lock(&lock);\n  lock(&lock);\n") != std::string::npos);
    CHECK(log.find(" May be due to missing lock nesting notation\n") != std::string::npos);
}
