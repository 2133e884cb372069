// kstrto*() and parse_args(): every parameter type, Linux's grammar and its errors.
#include <doctest/doctest.h>

#include <cerrno>
#include <cstdint>
#include <vector>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "loader/params.h"

extern "C" {
int kstrtoint(const char* s, unsigned base, int* res);
int kstrtoull(const char* s, unsigned base, unsigned long long* res);
int kstrtos16(const char* s, unsigned base, int16_t* res);
int kstrtou8(const char* s, unsigned base, uint8_t* res);
int kstrtobool(const char* s, bool* res);
extern const kernel_param_ops param_ops_int, param_ops_bool, param_ops_invbool, param_ops_charp, param_ops_short,
    param_array_ops, param_ops_string, param_ops_hexint;
}

using namespace ksim;

TEST_CASE("kstrtox: bases, signs, trailing newline, junk and overflow")
{
    int i = 0;
    CHECK(kstrtoint("42", 0, &i) == 0);
    CHECK(i == 42);
    CHECK(kstrtoint("0x1f", 0, &i) == 0);
    CHECK(i == 31);
    CHECK(kstrtoint("010", 0, &i) == 0);
    CHECK(i == 8);
    CHECK(kstrtoint("-7\n", 0, &i) == 0);
    CHECK(i == -7);
    CHECK(kstrtoint("+5", 0, &i) == 0);
    CHECK(kstrtoint("abc", 0, &i) == -EINVAL);
    CHECK(kstrtoint("", 0, &i) == -EINVAL);
    CHECK(kstrtoint("12 ", 0, &i) == -EINVAL);
    CHECK(kstrtoint("2147483648", 0, &i) == -ERANGE);
    int16_t s = 0;
    CHECK(kstrtos16("99999", 0, &s) == -ERANGE);
    uint8_t b = 0;
    CHECK(kstrtou8("256", 0, &b) == -ERANGE);
    CHECK(kstrtou8("-1", 0, &b) == -EINVAL);
    unsigned long long u = 0;
    CHECK(kstrtoull("18446744073709551616", 0, &u) == -ERANGE);
}

TEST_CASE("kstrtobool takes Linux 6.1's spellings")
{
    bool v = false;
    for (const char* yes : {"y", "Y", "t", "1", "on", "yes", "true"}) {
        CHECK(kstrtobool(yes, &v) == 0);
        CHECK(v);
    }
    for (const char* no : {"n", "N", "f", "0", "off", "no", "false"}) {
        CHECK(kstrtobool(no, &v) == 0);
        CHECK_FALSE(v);
    }
    CHECK(kstrtobool("maybe", &v) == -EINVAL);
    CHECK(kstrtobool("o", &v) == -EINVAL);
}

namespace {
struct Params {
    int number = 1;
    bool flag = false;
    bool inverted = false;
    char* text = nullptr;
    short small = 0;
    int array[2] = {0, 0};
    unsigned count = 0;
    char fixed[4] = "";
    unsigned hex = 0;
    kparam_array array_spec {2, sizeof(int), &count, &param_ops_int, array};
    kparam_string fixed_spec {sizeof fixed, fixed};
    std::vector<kernel_param> table {
        {"number", nullptr, &param_ops_int, 0644, -1, 0, {&number}},
        {"flag", nullptr, &param_ops_bool, 0644, -1, 0, {&flag}},
        {"inverted", nullptr, &param_ops_invbool, 0644, -1, 0, {&inverted}},
        {"text", nullptr, &param_ops_charp, 0644, -1, 0, {&text}},
        {"small_one", nullptr, &param_ops_short, 0644, -1, 0, {&small}},
        {"array", nullptr, &param_array_ops, 0644, -1, 0, {&array_spec}},
        {"fixed", nullptr, &param_ops_string, 0644, -1, 0, {&fixed_spec}},
        {"hex", nullptr, &param_ops_hexint, 0644, -1, 0, {&hex}},
    };
};

std::vector<std::string> new_lines(Kernel& kernel, uint64_t from)
{
    std::vector<std::string> lines;
    for (const auto& r : kernel.log().ring().read_from(from))
        lines.push_back(r.text);
    return lines;
}
} // namespace

TEST_CASE("parse_args: quotes, bare booleans, dashes, arrays and unknown names")
{
    Kernel kernel;
    Params p;
    uint64_t mark = kernel.log().ring().next_seq();
    int ret = parse_module_args(kernel, "demo",
        "number=0x10 flag inverted=n \"text=two words\" small-one=-3 array=4,5 bogus fixed=abc hex=255", p.table)
                  .value();
    CHECK(ret == 0);
    CHECK(p.number == 16);
    CHECK(p.flag);
    CHECK(p.inverted);
    CHECK(std::string(p.text) == "two words");
    CHECK(p.small == -3);
    CHECK(p.array[1] == 5);
    CHECK(p.count == 2);
    CHECK(std::string(p.fixed) == "abc");
    CHECK(new_lines(kernel, mark) == std::vector<std::string> {"demo: unknown parameter 'bogus' ignored"});
    char page[4096];
    CHECK(param_ops_hexint.get(page, &p.table[7]) == 9);
    CHECK(std::string(page) == "0x0000ff\n");
    CHECK(param_array_ops.get(page, &p.table[5]) == 4);
    CHECK(std::string(page) == "4,5\n");
    free_module_params(kernel, p.table);
    CHECK(p.text == nullptr);
}

TEST_CASE("parse_args: errors are reported as Linux words them, and parsing goes on")
{
    Kernel kernel;
    Params p;
    uint64_t mark = kernel.log().ring().next_seq();
    CHECK(parse_module_args(kernel, "demo", "number=abc flag=1", p.table).value() == -EINVAL);
    CHECK(p.flag); // later parameters are still set
    CHECK(parse_module_args(kernel, "demo", "small_one=40000", p.table).value() == -ERANGE);
    CHECK(parse_module_args(kernel, "demo", "array=1,2,3", p.table).value() == -EINVAL);
    CHECK(parse_module_args(kernel, "demo", "number", p.table).value() == -EINVAL);
    CHECK(parse_module_args(kernel, "demo", "fixed=toolong", p.table).value() == -ENOSPC);
    CHECK(parse_module_args(kernel, "demo", "number=5 -- number=6", p.table).value() == 0);
    CHECK(p.number == 5);
    CHECK(new_lines(kernel, mark)
        == std::vector<std::string> {
            "demo: `abc' invalid for parameter `number'",
            "demo: `40000' invalid for parameter `small_one'",
            "array: can only take 2 arguments",
            "demo: `1' invalid for parameter `array'",
            "demo: `' invalid for parameter `number'",
            "fixed: string doesn't fit in 3 chars.",
            "demo: `toolong' too large for parameter `fixed'",
            "demo: parameters 'number=6' after `--' ignored",
        });
}
