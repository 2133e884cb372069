// Parsing sysctl writes (see sysctl_integer.h).
#include "sched/sysctl_integer.h"

#include <cctype>
#include <cerrno>
#include <string>

#include "lib/kstrtox.h"

namespace ksim {

ErrorOr<long> parse_sysctl_integer(std::string_view text, long min, long max)
{
    // proc_get_long(): leading space skipped, the number ends at a separator.
    auto separator = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    size_t start = 0;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start])))
        ++start;
    size_t end = start;
    while (end < text.size() && !separator(text[end]))
        ++end;
    std::string number(text.substr(start, end - start));
    long value = 0;
    // Linux copies at most 21 characters of the number (TMPBUFLEN - 1).
    if (number.empty() || number.size() > 21 || kstrtol(number.c_str(), 0, &value) != 0 || value < min || value > max)
        return Errno {EINVAL};
    return value;
}

} // namespace ksim
