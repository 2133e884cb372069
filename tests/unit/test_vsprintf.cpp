// The kernel's vsnprintf (Linux's rules and warnings), printk's record limit, and the string helpers modules get.
#include <doctest/doctest.h>

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <dlfcn.h>
#include <sys/mman.h>

#include "core/kernel.h"
#include "lib/nofault.h"
#include "lib/vsprintf.h"

extern "C" int _printk(const char* fmt, ...);

using namespace ksim;

namespace {

struct Warning {
    std::string message;
    std::string site;
};

struct Formatted {
    std::string text;
    int length = 0;
    std::vector<Warning> warnings;
};

// Formats into a buffer of `size` bytes, collecting the warnings.
Formatted vformat_sized(size_t size, const char* fmt, va_list args)
{
    Formatted result;
    FormatHooks hooks {nullptr, [&](const std::string& message, const char* site) {
                           result.warnings.push_back({message, site});
                       }};
    std::vector<char> buffer(size + 1, '#');
    result.length = kernel_vsnprintf(buffer.data(), size, fmt, args, hooks);
    result.text = size ? std::string(buffer.data()) : std::string();
    return result;
}

Formatted format_sized(size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    Formatted result = vformat_sized(size, fmt, args);
    va_end(args);
    return result;
}

template <typename... Args> Formatted format(const char* fmt, Args... args)
{
    return format_sized(256, fmt, args...);
}

// A function the kernel exports under a C library name, as a module's dynamic linker binds it.
template <typename F> F* module_view(const char* name)
{
    return reinterpret_cast<F*>(dlvsym(RTLD_DEFAULT, name, "KSIM_KERNEL"));
}

std::vector<std::string> log_since(Kernel& kernel, uint64_t from)
{
    std::vector<std::string> lines;
    for (const auto& r : kernel.log().ring().read_from(from))
        lines.push_back(r.text);
    return lines;
}

} // namespace

TEST_CASE("vsnprintf: integers follow Linux's number()")
{
    CHECK(format("[%5d|%-5d|%05d|%+d|% d]", 42, 42, -42, 7, 7).text == "[   42|42   |-0042|+7| 7]");
    CHECK(format("%#x %#X %#o %#o %#x", 255, 255, 8, 0, 0).text == "0xff 0XFF 010 0 0x0");
    CHECK(format("%.0d|%.3d|%2d", 0, 5, 100).text == "0|005|100"); // Linux prints "0" for %.0d
    CHECK(format("%hhd %hhu %hd %x", 300, 300, 70000, -1).text == "44 44 4464 ffffffff");
    CHECK(format("%lld %llu %zu %ld %lx", -1LL, ~0ULL, size_t {7}, -5L, 0xabcL).text
        == "-1 18446744073709551615 7 -5 abc");
    CHECK(format("%c|%3c|%-3c|%%", 'a', 'b', 'c').text == "a|  b|c  |%");
}

TEST_CASE("vsnprintf: truncation, the would-be length and size 0")
{
    Formatted cut = format_sized(5, "%s", "hello world");
    CHECK(cut.text == "hell");
    CHECK(cut.length == 11);
    CHECK(format_sized(0, "%d", 12345).length == 5);
    CHECK(format_sized(6, "%8s", "abc").text == "     "); // right-justified, then cut
    CHECK(format_sized(6, "%-8s|", "abc").text == "abc  ");
}

TEST_CASE("vsnprintf: a huge width or precision from the arguments is clamped with Linux's warning")
{
    Formatted wide = format_sized(16, "%*d", 1 << 30, 1);
    REQUIRE(wide.warnings.size() == 1);
    CHECK(wide.warnings[0].message == "field width 1073741824 too large");
    CHECK(wide.warnings[0].site.find("set_field_width") != std::string::npos);
    CHECK(wide.length == (1 << 23) - 1); // FIELD_WIDTH_MAX: counted, never stored
    CHECK(wide.text == std::string(15, ' '));

    Formatted precise = format("%.*s|", 1 << 20, "abc");
    REQUIRE(precise.warnings.size() == 1);
    CHECK(precise.warnings[0].message == "precision 1048576 too large");
    CHECK(precise.text == "abc|");
    CHECK(format("%.*s|", -1 << 20, "abc").warnings[0].message == "precision -1048576 too large");

    Formatted left = format("[%*d]", -4, 7);
    CHECK(left.text == "[7   ]");
    CHECK(left.warnings.empty());
    // A width written in the format is cut to printf_spec's 24 bits without a word.
    Formatted digits = format("[%99999999d]", 1);
    CHECK(digits.text == "[1]");
    CHECK(digits.warnings.empty());
}

TEST_CASE("vsnprintf: %n and conversions Linux lacks warn and end the text")
{
    int written = 1234;
    Formatted n = format("a%nb%d", &written, 5);
    CHECK(n.text == "a");
    CHECK(written == 1234);
    REQUIRE(n.warnings.size() == 1);
    CHECK(n.warnings[0].message == "Please remove unsupported %n in format string");
    CHECK(n.warnings[0].site.find("format_decode") != std::string::npos);
    CHECK(format("x=%f!", 1.5).warnings[0].message == "Please remove unsupported %f in format string");
    CHECK(format("x=%f!", 1.5).text == "x=");
    CHECK(format("100%").warnings[0].message == "Please remove unsupported %");
}

TEST_CASE("vsnprintf: %s of NULL, the first page, an ERR_PTR or unreadable memory")
{
    CHECK(format("[%s]", static_cast<const char*>(nullptr)).text == "[(null)]");
    CHECK(format("[%.3s]", static_cast<const char*>(nullptr)).text == "[(nu]");
    CHECK(format("[%s]", reinterpret_cast<const char*>(0x10)).text == "[(efault)]");
    CHECK(format("[%s]", reinterpret_cast<const char*>(-EINVAL)).text == "[(efault)]");
    CHECK(format("[%10s]", reinterpret_cast<const char*>(0x10)).text == "[  (efault)]");

    // Two pages: the first ends with a string's last bytes, the second goes away.
    auto* pages = static_cast<char*>(mmap(nullptr, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    REQUIRE(pages != MAP_FAILED);
    std::memset(pages, 'z', 4096);
    std::memcpy(pages + 4090, "tail", 5);
    munmap(pages + 4096, 4096);
    CHECK(format("[%s]", pages + 4090).text == "[tail]");
    CHECK(format("[%s]", pages + 4096).text == "[(efault)]");
    mprotect(pages, 4096, PROT_NONE);
    CHECK(format("[%s]", pages + 4090).text == "[(efault)]");
    munmap(pages, 4096);
    std::string long_text(5000, 'q');
    CHECK(format_sized(8192, "%s", long_text.c_str()).text == long_text);
}

TEST_CASE("vsnprintf: %p prints NULL and ERR_PTRs as they are, and %pe names errors")
{
    CHECK(format("%p", static_cast<void*>(nullptr)).text == "0000000000000000");
    CHECK(format("%px", reinterpret_cast<void*>(0x1234)).text == "0000000000001234");
    CHECK(format("%pe", reinterpret_cast<void*>(-ENOMEM)).text == "-ENOMEM");
    CHECK(format("%pe", reinterpret_cast<void*>(-4000)).text == "-4000");
    std::string hashed = format("%p|", reinterpret_cast<void*>(0x1234)).text;
    CHECK(hashed.size() == 17);
    CHECK(hashed.substr(0, 8) == "00000000");
    CHECK(format("%pM|", static_cast<void*>(nullptr)).text == "(null)|");
}

TEST_CASE("printk keeps one record's text, and vsprintf's warnings are WARN_ONCE")
{
    Kernel kernel;
    uint64_t mark = kernel.log().ring().next_seq();
    _printk("\0016%*d|\n", 1 << 30, 1);
    std::vector<std::string> lines = log_since(kernel, mark);
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0] == "------------[ cut here ]------------");
    CHECK(lines[1] == "field width 1073741824 too large");
    CHECK(lines[2].find("WARNING: CPU: 0 PID: ") == 0);
    CHECK(lines[2].find(" at lib/vsprintf.c:") != std::string::npos);
    CHECK(lines.back().size() == 989); // LOG_LINE_MAX less its NUL and the "\0016" prefix
    CHECK(kernel.taint().describe().find('W') != std::string::npos);

    mark = kernel.log().ring().next_seq();
    _printk("\0016%*d\n", 1 << 30, 1);
    CHECK(log_since(kernel, mark).size() == 1); // once per boot
}

TEST_CASE("printk's %s: a page read once and then unmapped is (efault), never a fault")
{
    Kernel kernel;
    auto* page = static_cast<char*>(mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    REQUIRE(page != MAP_FAILED);
    std::memcpy(page, "mapped", 7);
    uint64_t mark = kernel.log().ring().next_seq();
    _printk("\0016[%s] [%s]\n", page, "a literal in ksim's image");
    munmap(page, 4096);
    _printk("\0016[%s]\n", page);
    // The same address mapped again without access, as memory handed back and reused.
    auto* again = static_cast<char*>(mmap(page, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    REQUIRE(again == page);
    _printk("\0016[%s]\n", page);
    munmap(again, 4096);
    CHECK(log_since(kernel, mark)
        == std::vector<std::string> {"[mapped] [a literal in ksim's image]", "[(efault)]", "[(efault)]"});
}

TEST_CASE("copy_string_nofault stops after the string's NUL, copy_nofault copies all it is asked")
{
    // The bytes after the NUL are another object's (an AddressSanitizer redzone in
    // a sanitized build): %s must never read them.
    static const char text[] = "abc\0def";
    char out[8] = {};
    CHECK(copy_string_nofault(out, text, sizeof out) == 4);
    CHECK(std::string(out) == "abc");
    CHECK(copy_nofault(out, text, sizeof text) == sizeof text);
    CHECK(std::memcmp(out, text, sizeof text) == 0);
}

TEST_CASE("the string and sprintf functions a module binds to are the kernel's own")
{
    for (const char* name : {"strlen", "memcpy", "memset", "strcmp", "sprintf", "snprintf", "vsnprintf", "sscanf"}) {
        void* kernel_function = dlvsym(RTLD_DEFAULT, name, "KSIM_KERNEL");
        REQUIRE_MESSAGE(kernel_function != nullptr, name);
        CHECK(kernel_function != dlsym(RTLD_DEFAULT, name)); // ksim itself keeps the C library's
        Dl_info info;
        REQUIRE(dladdr(kernel_function, &info));
        CHECK(std::string(info.dli_sname) == name); // an Oops names it so
    }
    Kernel kernel;
    char buffer[64];
    auto* sprintf_ = module_view<int(char*, const char*, ...)>("sprintf");
    CHECK(sprintf_(buffer, "%pe %s", reinterpret_cast<void*>(-EBUSY), static_cast<const char*>(nullptr)) == 13);
    CHECK(std::string(buffer) == "-EBUSY (null)");
    auto* scnprintf_ = module_view<int(char*, size_t, const char*, ...)>("scnprintf");
    CHECK(scnprintf_(buffer, 4, "%d", 123456) == 3);
}

TEST_CASE("string helpers answer as Linux's lib/string.c")
{
    auto* strcmp_ = module_view<int(const char*, const char*)>("strcmp");
    CHECK(strcmp_("abc", "abd") == -1);
    CHECK(strcmp_("b", "a") == 1);
    CHECK(strcmp_("same", "same") == 0);
    char padded[6] = "xxxxx";
    module_view<char*(char*, const char*, size_t)>("strncpy")(padded, "ab", 5);
    CHECK(std::memcmp(padded, "ab\0\0\0", 5) == 0);
    CHECK(module_view<char*(const char*, const char*)>("strstr")("haystack", "st") == std::string("stack"));
    CHECK(module_view<char*(const char*, int)>("strrchr")("a/b/c", '/') == std::string("/c"));
    char list[] = "one,two";
    char* cursor = list;
    auto* strsep_ = module_view<char*(char**, const char*)>("strsep");
    CHECK(strsep_(&cursor, ",") == std::string("one"));
    CHECK(strsep_(&cursor, ",") == std::string("two"));
    CHECK(cursor == nullptr);
    char joined[16] = "ab";
    module_view<char*(char*, const char*, size_t)>("strncat")(joined, "cdef", 2);
    CHECK(std::string(joined) == "abcd");
    char overlap[] = "123456";
    module_view<void*(void*, const void*, size_t)>("memmove")(overlap + 1, overlap, 4);
    CHECK(std::string(overlap) == "112346");
}
