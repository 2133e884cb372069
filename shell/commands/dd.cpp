// dd: copy blocks between files and devices (if= of= bs= count= skip= seek= status=).
#include <fcntl.h>

#include <sys/sysinfo.h>

#include <chrono>
#include <cstdio>
#include <climits>
#include <map>
#include <variant>

#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

enum class NumberError { Invalid, Overflow };

// "512", "4K", "1M", "2kB", "3KiB", "1G" as coreutils reads them: bytes, or why not.
std::variant<unsigned long long, NumberError> parse_size(const std::string& text)
{
    static const std::map<std::string, unsigned long long> suffixes = [] {
        std::map<std::string, unsigned long long> table = {{"", 1}, {"c", 1}, {"w", 2}, {"b", 512}, {"kB", 1000}};
        unsigned long long binary = 1, decimal = 1;
        for (char letter : std::string("KMGTPE")) {
            binary *= 1024;
            decimal *= 1000;
            table[std::string(1, letter)] = binary;
            table[std::string(1, letter) + "iB"] = binary;
            table[std::string(1, letter) + "B"] = decimal;
        }
        table["k"] = 1024;
        return table;
    }();
    size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
        ++digits;
    auto suffix = suffixes.find(text.substr(digits));
    if (digits == 0 || suffix == suffixes.end())
        return NumberError::Invalid;
    unsigned long long value = 0;
    for (size_t i = 0; i < digits; ++i)
        if (__builtin_mul_overflow(value, 10ULL, &value) || __builtin_add_overflow(value, text[i] - '0', &value))
            return NumberError::Overflow;
    if (__builtin_mul_overflow(value, suffix->second, &value) || value > static_cast<unsigned long long>(LLONG_MAX))
        return NumberError::Overflow;
    return value;
}

// "100 GiB": coreutils' human_readable() in powers of 1024, rounded to nearest.
std::string human_size(unsigned long long bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double amount = static_cast<double>(bytes);
    int unit = 0;
    while (amount >= 1024 && unit < 6) {
        amount /= 1024;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit > 0 && amount < 10 ? "%.1f %s" : "%.0f %s", amount, units[unit]);
    return text;
}

// Whether one buffer of `bytes` could be had: Linux's heuristic overcommit
// refuses a single allocation larger than all RAM and swap.
bool can_allocate(unsigned long long bytes)
{
    struct sysinfo info { };
    if (sysinfo(&info) != 0)
        return true;
    unsigned long long total = (static_cast<unsigned long long>(info.totalram) + info.totalswap) * info.mem_unit;
    return bytes <= total;
}

// "12 bytes copied, 0.000153 s, 78.4 kB/s", coreutils' summary line.
std::string summary(unsigned long long bytes, double seconds)
{
    char rate[32];
    double per_second = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
    const char* units[] = {"B", "kB", "MB", "GB", "TB"};
    int unit = 0;
    while (per_second >= 1000 && unit < 4) {
        per_second /= 1000;
        ++unit;
    }
    std::snprintf(rate, sizeof rate, "%.3g %s/s", per_second, units[unit]);
    char line[128];
    std::snprintf(line, sizeof line, "%llu byte%s copied, %g s, %s", bytes, bytes == 1 ? "" : "s", seconds, rate);
    return line;
}

} // namespace

int cmd_dd(CommandContext& c)
{
    std::string input = "-", output;
    unsigned long long block = 512, count = ~0ULL, skip = 0, seek = 0;
    bool quiet = false;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        size_t equals = a.find('=');
        std::string key = a.substr(0, equals), value = equals == std::string::npos ? "" : a.substr(equals + 1);
        auto number = parse_size(value);
        bool numeric = key == "bs" || key == "count" || key == "skip" || key == "seek";
        if (numeric && (std::holds_alternative<NumberError>(number) || (key == "bs" && std::get<0>(number) == 0))) {
            bool overflow = std::holds_alternative<NumberError>(number) && std::get<1>(number) == NumberError::Overflow;
            c.err << "dd: invalid number: '" << value << "'"
                  << (overflow ? ": Value too large for defined data type" : "") << "\n";
            return 1;
        }
        if (key == "if")
            input = value;
        else if (key == "of")
            output = value;
        else if (key == "status")
            quiet = value == "none";
        else if (numeric) {
            (key == "bs" ? block : key == "count" ? count : key == "skip" ? skip : seek) = std::get<0>(number);
        } else {
            c.err << "dd: invalid argument '" << a << "'\n";
            return 1;
        }
    }
    auto source = open_input(c, input);
    if (source.is_error())
        return report_error(c, "failed to open '" + input + "'", source.error());
    std::shared_ptr<FileHandle> sink;
    if (!output.empty()) {
        auto file = c.shell.open(output, O_WRONLY | O_CREAT | (seek ? 0 : O_TRUNC));
        if (file.is_error())
            return report_error(c, "failed to open '" + output + "'", file.error());
        sink = file.release_value();
        if (seek) {
            long long offset = 0;
            if (__builtin_mul_overflow(seek, block, &offset))
                return report_error(c, "'" + output + "': cannot seek", EOVERFLOW);
            if (auto moved = sink->seek(offset, 0); moved.is_error())
                return report_error(c, "'" + output + "': cannot seek", moved.error());
        }
    }
    // As coreutils, the buffer is allocated once the files are open.
    if (!can_allocate(block)) {
        c.err << "dd: memory exhausted by input buffer of size " << block << " bytes (" << human_size(block) << ")\n";
        return 1;
    }
    auto started = std::chrono::steady_clock::now();
    unsigned long long full_in = 0, partial_in = 0, full_out = 0, partial_out = 0, bytes = 0;
    int status = 0;
    // Skipped blocks are read and dropped, which works on any input.
    for (unsigned long long n = 0; n < skip; ++n) {
        auto dropped = source.value()->read(block);
        if (dropped.is_error() || dropped.value().empty())
            break;
    }
    for (unsigned long long n = 0; n < count; ++n) {
        auto chunk = source.value()->read(block);
        if (chunk.is_error()) {
            status = report_error(c, "error reading '" + input + "'", chunk.error());
            break;
        }
        const std::string& data = chunk.value();
        if (data.empty())
            break;
        (data.size() == block ? full_in : partial_in)++;
        if (sink) {
            if (auto written = write_all(*sink, data); written.is_error()) {
                status = report_error(c, "error writing '" + output + "'", written.error());
                break;
            }
        } else {
            c.out << data;
        }
        (data.size() == block ? full_out : partial_out)++;
        bytes += data.size();
    }
    if (status > 128)
        return status; // the process died
    if (!quiet) {
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        c.out.flush();
        c.err << full_in << "+" << partial_in << " records in\n"
              << full_out << "+" << partial_out << " records out\n"
              << summary(bytes, seconds) << "\n";
    }
    return status;
}

} // namespace ksim::shell
