// /proc/PID, /proc/self, /proc/cpuinfo and /proc/loadavg: every task as procps reads it.
// Orders are forced with completions and by polling a task's state with a deadline, never by timing.
#include <doctest/doctest.h>

#include <cctype>
#include <chrono>
#include <sstream>
#include <string>
#include <thread>

#include <ksim/sched_abi.h>

#include "core/kernel.h"
#include "fs/vfs.h"

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
void msleep(unsigned int msecs);
}

namespace {

std::string read(Kernel& kernel, const std::string& path)
{
    auto text = kernel.vfs().read(kernel.task(), path);
    REQUIRE_MESSAGE(!text.is_error(), path);
    return text.value();
}

std::vector<std::string> words(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> all;
    for (std::string w; in >> w;)
        all.push_back(w);
    return all;
}

// Polls until /proc/PID/stat shows `state`, for at most ten seconds.
bool reaches_state(Kernel& kernel, int pid, char state)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    std::string path = "/proc/" + std::to_string(pid) + "/stat";
    while (std::chrono::steady_clock::now() < deadline) {
        auto text = kernel.vfs().read(kernel.task(), path);
        if (!text.is_error() && words(text.value()).at(2) == std::string(1, state))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

struct Gate {
    struct completion open;
    bool interruptible = false;
};

int wait_at_gate(void* data)
{
    auto& gate = *static_cast<Gate*>(data);
    if (gate.interruptible)
        wait_for_completion_interruptible(&gate.open);
    else
        wait_for_completion(&gate.open);
    while (!kthread_should_stop())
        msleep(1);
    return 0;
}

struct task_struct* start_at_gate(Gate& gate, const char* name)
{
    gate.open.done = 0;
    __init_waitqueue_head(&gate.open.wait, "gate", nullptr);
    struct task_struct* task = kthread_create_on_node(wait_at_gate, &gate, -1, "%s", name);
    wake_up_process(task);
    return task;
}

bool lists(Kernel& kernel, int pid)
{
    auto names = kernel.vfs().resolve("/proc").value()->list();
    return std::find(names.begin(), names.end(), std::to_string(pid)) != names.end();
}

} // namespace

TEST_CASE("a kernel thread has /proc/PID/{comm,stat,status,cmdline} in Linux's formats")
{
    Kernel kernel;
    Gate gate;
    struct task_struct* task = start_at_gate(gate, "counter/0");
    const std::string dir = "/proc/" + std::to_string(task->pid);
    CHECK(lists(kernel, task->pid));
    CHECK(read(kernel, dir + "/comm") == "counter/0\n");
    CHECK(read(kernel, dir + "/cmdline").empty()); // ps shows [counter/0]

    REQUIRE(reaches_state(kernel, task->pid, 'D')); // wait_for_completion sleeps uninterruptibly
    auto stat = words(read(kernel, dir + "/stat"));
    REQUIRE(stat.size() == 52);
    CHECK(stat[0] == std::to_string(task->pid));
    CHECK(stat[1] == "(counter/0)");
    CHECK(stat[3] == "0"); // ppid: kthreadd's place
    CHECK(stat[6] == "0"); // no terminal
    CHECK(stat[7] == "-1"); // no foreground group
    CHECK((std::stoul(stat[8]) & KSIM_PF_KTHREAD) != 0);
    CHECK(stat[38] == std::to_string(task->cpu));

    std::string status = read(kernel, dir + "/status");
    CHECK(status.starts_with("Name:\tcounter/0\nUmask:\t0000\nState:\tD (disk sleep)\nTgid:\t"));
    CHECK(status.find("\nPid:\t" + std::to_string(task->pid) + "\nPPid:\t0\nTracerPid:\t0\nUid:\t0\t0\t0\t0\n")
        != std::string::npos);
    CHECK(status.find("\nCapEff:\t000001ffffffffff\n") != std::string::npos);
    CHECK(status.find("\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n") != std::string::npos);

    complete(&gate.open);
    int pid = task->pid; // kthread_stop() frees the task_struct, as on Linux
    kthread_stop(task);
    CHECK_FALSE(lists(kernel, pid));
    CHECK(kernel.vfs().read(kernel.task(), dir + "/stat").error() == ENOENT);
}

TEST_CASE("an interruptible sleep is S, an idle kworker is I, a running task is R")
{
    Kernel kernel;
    Gate gate;
    gate.interruptible = true;
    struct task_struct* task = start_at_gate(gate, "sleeper");
    CHECK(reaches_state(kernel, task->pid, 'S'));
    complete(&gate.open);
    kthread_stop(task);

    int kworker = 0;
    for (const std::string& name : kernel.vfs().resolve("/proc").value()->list())
        if (std::isdigit(static_cast<unsigned char>(name[0]))
            && read(kernel, "/proc/" + name + "/comm") == "kworker/0:1\n")
            kworker = std::stoi(name);
    REQUIRE(kworker != 0);
    CHECK(reaches_state(kernel, kworker, 'I'));
    CHECK(read(kernel, "/proc/" + std::to_string(kworker) + "/status").find("State:\tI (idle)\n") != std::string::npos);

    // The reader itself runs.
    CHECK(read(kernel, "/proc/self/status").find("State:\tR (running)\n") != std::string::npos);
}

TEST_CASE("a user process: its terminal, its group in the foreground, its command line and no capabilities")
{
    Kernel kernel;
    kernel.set_task(Task {4242, "cat", 1000, nullptr});
    auto stat = words(read(kernel, "/proc/self/stat"));
    REQUIRE(stat.size() == 52);
    CHECK(stat[0] == "4242");
    CHECK(stat[1] == "(cat)");
    CHECK(stat[4] == "4242"); // its own process group
    CHECK(stat[6] == std::to_string(136 << 8)); // pts/0
    CHECK(stat[7] == "4242"); // ... in the foreground
    CHECK(read(kernel, "/proc/4242/cmdline") == std::string("cat\0", 4));
    std::string status = read(kernel, "/proc/4242/status");
    CHECK(status.find("\nUmask:\t0022\n") != std::string::npos);
    CHECK(status.find("\nUid:\t1000\t1000\t1000\t1000\n") != std::string::npos);
    CHECK(status.find("\nCapEff:\t0000000000000000\n") != std::string::npos);
}

TEST_CASE("/proc/cpuinfo has a block per CPU, and Cpus_allowed prints the mask in 32-bit groups")
{
    for (auto [cpus, mask, list] :
        {std::tuple {1, "1", "0"}, {4, "f", "0-3"}, {40, "ff,ffffffff", "0-39"}, {64, "ffffffff,ffffffff", "0-63"}}) {
        CAPTURE(cpus);
        Kernel kernel(cpus);
        std::string cpuinfo = read(kernel, "/proc/cpuinfo");
        size_t blocks = 0;
        for (size_t at = 0; (at = cpuinfo.find("processor\t: ", at)) != std::string::npos; ++at)
            ++blocks;
        CHECK(blocks == static_cast<size_t>(cpus));
        CHECK(cpuinfo.find("processor\t: " + std::to_string(cpus - 1) + "\n") != std::string::npos);
        CHECK(cpuinfo.find("siblings\t: " + std::to_string(cpus) + "\n") != std::string::npos);
        std::string status = read(kernel, "/proc/self/status");
        CHECK(status.find(std::string("\nCpus_allowed:\t") + mask + "\nCpus_allowed_list:\t" + list + "\n")
            != std::string::npos);
    }
}

TEST_CASE("/proc/loadavg counts the tasks and names the newest pid")
{
    Kernel kernel;
    Gate gate;
    struct task_struct* task = start_at_gate(gate, "newest");
    auto fields = words(read(kernel, "/proc/loadavg"));
    REQUIRE(fields.size() == 5);
    CHECK(fields[0] == "0.00");
    CHECK(fields[3].find('/') != std::string::npos);
    CHECK(fields[4] == std::to_string(task->pid));
    complete(&gate.open);
    kthread_stop(task);
}
