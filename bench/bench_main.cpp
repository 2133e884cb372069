// ksim's performance, as ratios against a baseline measured in the same run
// on the same machine, so the numbers mean something anywhere:
//   kmalloc/kfree        vs glibc malloc/free        (same sizes, same order)
//   insmod+rmmod         vs raw dlopen/dlclose       (the same .ko file)
//   printk               vs snprintf                 (the same format and arguments)
// usage: ksim_bench [MODULES_DIR] [--quick]
#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "core/kernel.h"

extern "C" int _printk(const char* fmt, ...);

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
    return 0;
}
