// Fuzzes Linux's parse_args() as insmod's "name=value ..." reaches it, over a
// parameter table with every kind of parameter the SDK offers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "loader/params.h"

extern "C" {
extern const kernel_param_ops param_ops_int, param_ops_bool, param_ops_invbool, param_ops_charp, param_ops_short,
    param_ops_ulong, param_ops_byte, param_array_ops, param_ops_string, param_ops_hexint;
}

namespace {

struct Params {
    int number = 1;
    bool flag = false;
    bool inverted = false;
    char* text = nullptr;
    short small = 0;
    unsigned long big = 0;
    unsigned char byte = 0;
    int array[3] = {};
    unsigned count = 0;
    char* words[2] = {};
    unsigned word_count = 0;
    char fixed[8] = "";
    unsigned hex = 0;
    kparam_array array_spec {3, sizeof(int), &count, &param_ops_int, array};
    kparam_array words_spec {2, sizeof(char*), &word_count, &param_ops_charp, words};
    kparam_string fixed_spec {sizeof fixed, fixed};
    std::vector<kernel_param> table {
        {"number", nullptr, &param_ops_int, 0644, -1, 0, {&number}},
        {"flag", nullptr, &param_ops_bool, 0644, -1, 0, {&flag}},
        {"inverted", nullptr, &param_ops_invbool, 0644, -1, 0, {&inverted}},
        {"text", nullptr, &param_ops_charp, 0644, -1, 0, {&text}},
        {"small_one", nullptr, &param_ops_short, 0644, -1, 0, {&small}},
        {"big", nullptr, &param_ops_ulong, 0644, -1, 0, {&big}},
        {"b", nullptr, &param_ops_byte, 0644, -1, 0, {&byte}},
        {"array", nullptr, &param_array_ops, 0644, -1, 0, {&array_spec}},
        {"words", nullptr, &param_array_ops, 0644, -1, 0, {&words_spec}},
        {"fixed", nullptr, &param_ops_string, 0644, -1, 0, {&fixed_spec}},
        {"hex", nullptr, &param_ops_hexint, 0644, -1, 0, {&hex}},
    };
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static ksim::Kernel kernel; // printk needs a kernel; one for every input
    Params params;
    std::string args(reinterpret_cast<const char*>(data), size);
    (void)ksim::parse_module_args(kernel, "fuzz", args, params.table);
    // What /sys/module/M/parameters/P shows after, then unload's free.
    char page[4096];
    for (const kernel_param& kp : params.table)
        if (kp.ops->get)
            (void)kp.ops->get(page, &kp);
    ksim::free_module_params(kernel, params.table);
    return 0;
}
