// Tasks that sleep and wake: kernel threads, completions, mutexes, signals and the atomic-sleep check.
// Every order is forced with completions or by waiting for a task's state, never by timing.
#include <doctest/doctest.h>

#include <csignal>
#include <string>

#include <ksim/sched_abi.h>

#include "core/kernel.h"
#include "sched/kernel_task.h"
#include "sched/scheduler.h"

using namespace ksim;

extern "C" {
struct task_struct* kthread_create_on_node(int (*threadfn)(void*), void* data, int node, const char* namefmt, ...);
int kthread_stop(struct task_struct* task);
bool kthread_should_stop(void);
int wake_up_process(struct task_struct* task);
void __init_waitqueue_head(struct wait_queue_head* head, const char*, void*);
void complete(struct completion* x);
void wait_for_completion(struct completion* x);
int wait_for_completion_interruptible(struct completion* x);
bool completion_done(struct completion* x);
void __mutex_init(struct mutex* lock, const char*, void*);
void mutex_lock(struct mutex* lock);
void mutex_unlock(struct mutex* lock);
void _raw_spin_lock(spinlock_t* lock);
void _raw_spin_unlock(spinlock_t* lock);
void __might_sleep(const char* file, int line);
void msleep(unsigned int msecs);
int send_sig(int signal, struct task_struct* task, int priv);
struct task_struct* get_current(void);
}

namespace {

void init_completion(struct completion& x)
{
    x.done = 0;
    __init_waitqueue_head(&x.wait, "x", nullptr);
}

struct task_struct* start(int (*fn)(void*), void* data, const char* name)
{
    struct task_struct* task = kthread_create_on_node(fn, data, -1, "%s", name);
    REQUIRE(reinterpret_cast<uintptr_t>(task) < static_cast<uintptr_t>(-4095));
    wake_up_process(task);
    return task;
}

std::string log_text(Kernel& kernel)
{
    std::string all;
    for (const auto& record : kernel.log().ring().read_from(0))
        all += record.text + "\n";
    return all;
}

struct Handoff {
    struct completion go, done;
    int seen = 0;
};

int wait_then_report(void* data)
{
    auto& h = *static_cast<Handoff*>(data);
    wait_for_completion(&h.go);
    h.seen = get_current()->pid;
    complete(&h.done);
    while (!kthread_should_stop())
        msleep(1);
    return 42;
}

struct Counter {
    struct mutex lock;
    long value = 0;
    struct completion finished;
};

int count_under_mutex(void* data)
{
    auto& c = *static_cast<Counter*>(data);
    for (int i = 0; i < 20000; ++i) {
        mutex_lock(&c.lock);
        ++c.value;
        mutex_unlock(&c.lock);
    }
    complete(&c.finished);
    return 0;
}

int never_runs(void* data)
{
    *static_cast<int*>(data) = 1;
    return 0;
}

} // namespace

TEST_CASE("a kernel thread waits for a completion, runs, and kthread_stop returns its result")
{
    Kernel kernel;
    Handoff h;
    init_completion(h.go);
    init_completion(h.done);
    struct task_struct* thread = start(wait_then_report, &h, "handoff");
    CHECK(std::string(thread->comm) == "handoff");
    CHECK((thread->flags & KSIM_PF_KTHREAD) != 0);
    CHECK_FALSE(completion_done(&h.done)); // it cannot get past go before go completes
    complete(&h.go);
    wait_for_completion(&h.done);
    CHECK(h.seen == thread->pid);
    CHECK(kthread_stop(thread) == 42);
}

TEST_CASE("two kernel threads under one mutex lose no update")
{
    Kernel kernel;
    Counter c;
    __mutex_init(&c.lock, "c", nullptr);
    init_completion(c.finished);
    struct task_struct* a = start(count_under_mutex, &c, "count/0");
    struct task_struct* b = start(count_under_mutex, &c, "count/1");
    wait_for_completion(&c.finished);
    wait_for_completion(&c.finished);
    CHECK(c.value == 40000);
    kthread_stop(a);
    kthread_stop(b);
}

TEST_CASE("a thread stopped before it was ever woken never runs its function")
{
    Kernel kernel;
    int ran = 0;
    struct task_struct* thread = kthread_create_on_node(never_runs, &ran, -1, "idle");
    CHECK(kthread_stop(thread) == -EINTR);
    CHECK(ran == 0);
}

namespace {
struct Signaller {
    struct task_struct* target;
};

// Waits until the target really sleeps interruptibly, then signals it.
int signal_when_asleep(void* data)
{
    auto* target = static_cast<Signaller*>(data)->target;
    while (__atomic_load_n(&target->__state, __ATOMIC_SEQ_CST) != KSIM_TASK_INTERRUPTIBLE)
        msleep(1);
    send_sig(SIGINT, target, 0);
    return 0;
}
} // namespace

TEST_CASE("a signal ends an interruptible wait with -ERESTARTSYS, not an uninterruptible one's")
{
    Kernel kernel;
    kernel.set_task(Task {100, "cat", 1000, nullptr});
    struct completion never;
    init_completion(never);
    Signaller s {get_current()};
    struct task_struct* thread = start(signal_when_asleep, &s, "signaller");
    CHECK(wait_for_completion_interruptible(&never) == -512);
    CHECK(Scheduler::pending_fatal_signal(*Scheduler::current()) == SIGINT);
    kthread_stop(thread);
}

TEST_CASE("pending signals show in task_struct's pending set, as modules read current->pending")
{
    Kernel kernel;
    kernel.set_task(Task {100, "cat", 1000, nullptr});
    struct task_struct* task = get_current();
    CHECK(task->pending.signal.sig[0] == 0);
    send_sig(SIGINT, task, 0);
    send_sig(SIGTERM, task, 0);
    CHECK(task->pending.signal.sig[0] == ((1UL << (SIGINT - 1)) | (1UL << (SIGTERM - 1))));
    CHECK(task->blocked.sig[0] == 0);
    Scheduler::current()->clear_signals();
    CHECK(task->pending.signal.sig[0] == 0);
    CHECK(task->sigpending == 0);
}

TEST_CASE("sleeping with a spinlock held is reported as Linux's might_sleep() and schedule() do")
{
    Kernel kernel;
    kernel.set_task(Task {100, "insmod", 0, nullptr});
    spinlock_t lock {0};
    _raw_spin_lock(&lock);
    __might_sleep("drivers/x.c", 12);
    msleep(1);
    _raw_spin_unlock(&lock);
    std::string log = log_text(kernel);
    CHECK(log.find("BUG: sleeping function called from invalid context at drivers/x.c:12") != std::string::npos);
    CHECK(log.find("in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 100, name: insmod") != std::string::npos);
    CHECK(log.find("BUG: scheduling while atomic: insmod/100/0x00000001") != std::string::npos);
    CHECK(get_current()->preempt_count == 0);
    CHECK(kernel.taint().test(TaintFlag::Warn));
}
