// ksim's performance, as ratios against a baseline measured in the same run
// on the same machine, so the numbers mean something anywhere:
//   kmalloc/kfree        vs glibc malloc/free        (same sizes, same order)
//   insmod+rmmod         vs raw dlopen/dlclose       (the same .ko file)
//   printk               vs snprintf                 (the same format and arguments)
//   a char device's open+read+close (rwbuf.ko, through the VFS, the driver's
//   file_operations and copy_to_user) vs open+read+close of a host file
//   holding the same 256 bytes
//   a wake-up ping-pong between the caller's task and a kthread over two
//   completions (complete + wait_for_completion) vs two std::threads handing
//   a turn over a mutex and std::condition_variable
//   kthread_run+kthread_stop vs pthread_create+pthread_join
// usage: ksim_bench [MODULES_DIR] [--quick]
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <ksim/sched_abi.h>

#include "core/kernel.h"
#include "fs/vfs.h"
#include "uaccess/user_memory.h"

extern "C" {
int _printk(const char* fmt, ...);
struct task_struct* kthread_create_on_node(int (*threadfn)(void*), void* data, int node, const char* namefmt, ...);
int kthread_stop(struct task_struct* task);
int wake_up_process(struct task_struct* task);
void __init_waitqueue_head(struct wait_queue_head* head, const char* name, void* key);
void complete(struct completion* x);
void wait_for_completion(struct completion* x);
}

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()>& work)
{
    auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void report(const char* what, const char* baseline, double ours, double theirs, long iterations)
{
    std::printf("%-22s %9.1f ns/op   %-22s %9.1f ns/op   ratio %5.2fx\n", what, ours * 1e9 / iterations, baseline,
        theirs * 1e9 / iterations, ours / theirs);
}

void bench_kmalloc(ksim::Kernel& kernel, long iterations)
{
    static constexpr size_t sizes[] = {8, 24, 64, 100, 200, 512, 1000, 4096};
    std::vector<void*> blocks(64);
    double ours = seconds([&] {
        for (long i = 0; i < iterations; ++i) {
            void*& slot = blocks[static_cast<size_t>(i) % blocks.size()];
            kernel.slab().free(slot);
            slot = kernel.slab().allocate(sizes[i % 8], 0, ksim::kernel_owner);
        }
    });
    for (void*& b : blocks)
        kernel.slab().free(b), b = nullptr;
    double theirs = seconds([&] {
        for (long i = 0; i < iterations; ++i) {
            void*& slot = blocks[static_cast<size_t>(i) % blocks.size()];
            std::free(slot);
            slot = std::malloc(sizes[i % 8]);
        }
    });
    for (void* b : blocks)
        std::free(b);
    report("kmalloc+kfree", "malloc+free", ours, theirs, iterations);
}

void bench_insmod(ksim::Kernel& kernel, const std::string& path, long iterations)
{
    std::ifstream in(path, std::ios::binary);
    std::string image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (image.empty()) {
        std::printf("insmod: %s not found, skipped\n", path.c_str());
        return;
    }
    kernel.set_task(ksim::Task {1, "bench", 0, nullptr});
    bool failed = false;
    double ours = seconds([&] {
        for (long i = 0; i < iterations && !failed; ++i) {
            failed = kernel.init_module(std::as_bytes(std::span(image.data(), image.size())), path, "").is_error()
                || kernel.delete_module("hello").is_error();
        }
    });
    double theirs = seconds([&] {
        for (long i = 0; i < iterations; ++i) {
            void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (handle)
                dlclose(handle);
        }
    });
    if (failed) {
        std::printf("insmod: loading %s failed, skipped\n", path.c_str());
        return;
    }
    report("insmod+rmmod hello.ko", "dlopen+dlclose", ours, theirs, iterations);
}

void bench_printk(ksim::Kernel& kernel, long iterations)
{
    kernel.log().set_console([](std::string_view) {});
    char buffer[256];
    double ours = seconds([&] {
        for (long i = 0; i < iterations; ++i)
            _printk("\0016bench: value %ld of %s\n", i, "printk");
    });
    double theirs = seconds([&] {
        for (long i = 0; i < iterations; ++i)
            std::snprintf(buffer, sizeof buffer, "bench: value %ld of %s\n", i, "printk");
    });
    report("printk", "snprintf", ours, theirs, iterations);
}

void bench_device_read(ksim::Kernel& kernel, const std::string& modules, long iterations)
{
    std::ifstream in(modules + "/rwbuf.ko", std::ios::binary);
    std::string image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ksim::Task task {1, "bench", 0, ksim::UserMemory::create(1 << 20)};
    kernel.set_task(task);
    std::string data(256, 'k');
    if (image.empty()
        || kernel.init_module(std::as_bytes(std::span(image.data(), image.size())), modules + "/rwbuf.ko", "")
               .is_error()
        || kernel.vfs().write(task, "/dev/rwbuf0", data).is_error()) {
        std::printf("device read: rwbuf.ko cannot be loaded, skipped\n");
        return;
    }
    auto read_device = [&] {
        auto file = kernel.vfs().open(task, "/dev/rwbuf0", ksim::open_read_only);
        size_t got = file.value()->read(4096).value().size();
        file.value()->release();
        return got;
    };
    char host_path[] = "/tmp/ksim-bench-XXXXXX";
    int fd = mkstemp(host_path);
    if (fd < 0 || write(fd, data.data(), data.size()) != static_cast<ssize_t>(data.size())) {
        std::printf("device read: no host file for the baseline, skipped\n");
        return;
    }
    close(fd);
    size_t total = 0;
    double ours = seconds([&] {
        for (long i = 0; i < iterations; ++i)
            total += read_device();
    });
    char buffer[4096];
    double theirs = seconds([&] {
        for (long i = 0; i < iterations; ++i) {
            int file = open(host_path, O_RDONLY);
            total += static_cast<size_t>(read(file, buffer, sizeof buffer));
            close(file);
        }
    });
    unlink(host_path);
    (void)kernel.delete_module("rwbuf");
    if (total != 2 * data.size() * static_cast<size_t>(iterations)) {
        std::printf("device read: short reads, skipped\n");
        return;
    }
    report("open+read+close /dev", "host open+read+close", ours, theirs, iterations);
}

struct PingPong {
    struct completion ping {
    }, pong {};
    long rounds = 0;
};

int pong_thread(void* data)
{
    auto& game = *static_cast<PingPong*>(data);
    for (long i = 0; i < game.rounds; ++i) {
        wait_for_completion(&game.ping);
        complete(&game.pong);
    }
    return 0;
}

void bench_wakeup(ksim::Kernel& kernel, long iterations)
{
    kernel.set_task(ksim::Task {1, "bench", 0, nullptr});
    PingPong game;
    game.rounds = iterations;
    __init_waitqueue_head(&game.ping.wait, "ping", nullptr);
    __init_waitqueue_head(&game.pong.wait, "pong", nullptr);
    double ours = seconds([&] {
        struct task_struct* task = kthread_create_on_node(pong_thread, &game, -1, "pong");
        wake_up_process(task);
        for (long i = 0; i < iterations; ++i) {
            complete(&game.ping);
            wait_for_completion(&game.pong);
        }
        kthread_stop(task);
    });
    std::mutex lock;
    std::condition_variable turn_changed;
    bool ball_at_pong = false;
    double theirs = seconds([&] {
        std::thread pong([&] {
            for (long i = 0; i < iterations; ++i) {
                std::unique_lock held(lock);
                turn_changed.wait(held, [&] { return ball_at_pong; });
                ball_at_pong = false;
                turn_changed.notify_all();
            }
        });
        for (long i = 0; i < iterations; ++i) {
            std::unique_lock held(lock);
            ball_at_pong = true;
            turn_changed.notify_all();
            turn_changed.wait(held, [&] { return !ball_at_pong; });
        }
        pong.join();
    });
    report("wake-up ping-pong", "condvar ping-pong", ours, theirs, iterations);
}

int return_at_once(void*)
{
    return 0;
}

void bench_kthread(ksim::Kernel& kernel, long iterations)
{
    kernel.set_task(ksim::Task {1, "bench", 0, nullptr});
    double ours = seconds([&] {
        for (long i = 0; i < iterations; ++i) {
            struct task_struct* task = kthread_create_on_node(return_at_once, nullptr, -1, "bench/%ld", i);
            wake_up_process(task);
            kthread_stop(task);
        }
    });
    double theirs = seconds([&] {
        for (long i = 0; i < iterations; ++i) {
            pthread_t thread;
            pthread_create(
                &thread, nullptr, [](void*) -> void* { return nullptr; }, nullptr);
            pthread_join(thread, nullptr);
        }
    });
    report("kthread_run+stop", "pthread_create+join", ours, theirs, iterations);
}

} // namespace

int main(int argc, char** argv)
{
    std::string modules = argc > 1 && std::strcmp(argv[1], "--quick") != 0 ? argv[1] : "build/modules";
    bool quick = argc > 1 && std::strcmp(argv[argc - 1], "--quick") == 0;
    long scale = quick ? 100 : 1;
    ksim::Kernel kernel;
    kernel.log().set_console([](std::string_view) {});
    std::printf("ksim benchmarks (ratio = ksim time / baseline time; lower is better)\n");
    bench_kmalloc(kernel, 2'000'000 / scale);
    bench_printk(kernel, 1'000'000 / scale);
    bench_insmod(kernel, modules + "/hello.ko", 2'000 / scale);
    bench_device_read(kernel, modules, 200'000 / scale);
    bench_wakeup(kernel, 200'000 / scale);
    bench_kthread(kernel, 20'000 / scale);
    return 0;
}
