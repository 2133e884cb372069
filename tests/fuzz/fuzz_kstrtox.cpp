// Fuzzes Linux's strict number parsers (kstrto*), which read every module
// parameter and every number written to a /sys or /proc file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/kstrtox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the base as callers do: 0 (auto), 8, 10 or 16.
    static constexpr unsigned bases[] = {0, 8, 10, 16};
    unsigned base = bases[data[0] % 4];
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    const char* s = text.c_str(); // stops at the first NUL, as a C string does
    unsigned long long ull;
    long long ll;
    int i;
    unsigned char u8;
    bool b;
    kstrtoull(s, base, &ull);
    kstrtoll(s, base, &ll);
    kstrtoint(s, base, &i);
    kstrtou8(s, base, &u8);
    kstrtobool(s, &b);
    return 0;
}
