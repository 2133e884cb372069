// dd: copy blocks between files and devices (if= of= bs= count= skip= seek= status=).
#include <chrono>
#include <cstdio>
#include <map>

#include "shell/command.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

// "512", "4K", "1M", "2kB", "3b": bytes; nullopt when malformed.
std::optional<unsigned long long> parse_size(const std::string& text)
{
    static const std::map<std::string, unsigned long long> suffixes = {{"", 1}, {"c", 1}, {"w", 2}, {"b", 512},
        {"kB", 1000}, {"K", 1024}, {"k", 1024}, {"MB", 1000000}, {"M", 1 << 20}, {"GB", 1000000000}, {"G", 1 << 30}};
    size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
        ++digits;
    auto suffix = suffixes.find(text.substr(digits));
    if (digits == 0 || suffix == suffixes.end())
        return std::nullopt;
    return std::stoull(text.substr(0, digits)) * suffix->second;
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
        std::optional<unsigned long long> number = parse_size(value);
        if (key == "if")
            input = value;
        else if (key == "of")
            output = value;
        else if (key == "status")
            quiet = value == "none";
        else if ((key == "bs" || key == "count" || key == "skip" || key == "seek") && number) {
            (key == "bs" ? block : key == "count" ? count : key == "skip" ? skip : seek) = *number;
        } else {
            c.err << "dd: invalid argument '" << a << "'\n";
            return 1;
        }
    }
    if (block == 0) {
        c.err << "dd: invalid number: '0'\n";
        return 1;
    }
    auto source = open_input(c, input);
    if (source.is_error())
        return report_error(c, "failed to open '" + input + "'", source.error());
    std::shared_ptr<FileHandle> sink;
    if (!output.empty()) {
        auto file = c.shell.open(output, open_write_only | open_create | (seek ? 0 : open_truncate));
        if (file.is_error())
            return report_error(c, "failed to open '" + output + "'", file.error());
        sink = file.release_value();
        if (seek)
            if (auto moved = sink->seek(static_cast<long long>(seek * block), 0); moved.is_error())
                return report_error(c, "'" + output + "': cannot seek", moved.error());
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
