// head: the first lines (-n) or bytes (-c) of files or standard input.
#include <algorithm>
#include <optional>

#include "shell/command.h"

namespace ksim::shell {

namespace {

struct CountOptions {
    long count = 10;
    bool bytes = false; // -c rather than -n
    std::vector<std::string> paths;
};

// Parses "-n N", "-nN", "-c N", "-N"; nothing after reporting a bad count.
std::optional<CountOptions> parse_count_options(CommandContext& c)
{
    CountOptions parsed;
    long& count = parsed.count;
    bool& bytes = parsed.bytes;
    std::vector<std::string>& paths = parsed.paths;
    for (size_t i = 1; i < c.args.size(); ++i) {
        std::string a = c.args[i];
        std::string value;
        if ((a == "-n" || a == "-c") && i + 1 < c.args.size()) {
            bytes = a == "-c";
            value = c.args[++i];
        } else if (a.size() > 2 && (a.starts_with("-n") || a.starts_with("-c"))) {
            bytes = a[1] == 'c';
            value = a.substr(2);
        } else if (a.size() > 1 && a[0] == '-' && std::all_of(a.begin() + 1, a.end(), ::isdigit)) {
            value = a.substr(1);
        } else {
            paths.push_back(a);
            continue;
        }
        try {
            size_t used = 0;
            count = std::stol(value, &used);
            if (used != value.size() || count < 0)
                throw std::invalid_argument(value);
        } catch (const std::exception&) {
            c.err << c.args[0] << ": invalid number of " << (bytes ? "bytes" : "lines") << ": '" << value << "'\n";
            return std::nullopt;
        }
    }
    if (paths.empty())
        paths.push_back("-");
    return parsed;
}

// "==> name <==" before each of several files.
void print_header(CommandContext& c, const std::vector<std::string>& paths, size_t p)
{
    if (paths.size() > 1)
        c.out << (p ? "\n" : "") << "==> " << (paths[p] == "-" ? "standard input" : paths[p]) << " <==\n";
}

} // namespace

int cmd_head(CommandContext& c)
{
    auto options = parse_count_options(c);
    if (!options)
        return 1;
    auto [count, bytes, paths] = *options;
    int status = 0;
    for (size_t p = 0; p < paths.size(); ++p) {
        auto input = open_input(c, paths[p]);
        if (input.is_error()) {
            status = report_error(c, "cannot open '" + paths[p] + "' for reading", input.error());
            continue;
        }
        print_header(c, paths, p);
        // Read only as much as needed: the source may never end.
        long left = count;
        while (left > 0) {
            auto chunk = input.value()->read(bytes ? static_cast<size_t>(std::min(left, 128L << 10)) : 4096);
            if (chunk.is_error()) {
                status = report_error(c, "error reading '" + paths[p] + "'", chunk.error());
                break;
            }
            const std::string& data = chunk.value();
            if (data.empty())
                break;
            if (bytes) {
                c.out << data.substr(0, static_cast<size_t>(left));
                left -= static_cast<long>(std::min<size_t>(data.size(), static_cast<size_t>(left)));
                continue;
            }
            size_t end = 0;
            while (left > 0 && end < data.size()) {
                size_t newline = data.find('\n', end);
                if (newline == std::string::npos) {
                    end = data.size();
                    break;
                }
                end = newline + 1;
                --left;
            }
            c.out << data.substr(0, end);
        }
    }
    return status;
}

int cmd_tail(CommandContext& c)
{
    auto options = parse_count_options(c);
    if (!options)
        return 1;
    auto [count, bytes, paths] = *options;
    int status = 0;
    for (size_t p = 0; p < paths.size(); ++p) {
        auto all = read_whole_input(
            c, paths[p], status, "cannot open '" + paths[p] + "' for reading", "error reading '" + paths[p] + "'");
        if (!all)
            continue;
        const std::string& data = *all;
        print_header(c, paths, p);
        if (bytes) {
            c.out << data.substr(data.size() - std::min(data.size(), static_cast<size_t>(count)));
            continue;
        }
        // Where each line starts; a last line without a newline counts too.
        std::vector<size_t> starts;
        for (size_t i = 0; i < data.size(); ++i)
            if (i == 0 || data[i - 1] == '\n')
                starts.push_back(i);
        size_t start = count == 0                         ? data.size()
            : static_cast<size_t>(count) >= starts.size() ? 0
                                                          : starts[starts.size() - static_cast<size_t>(count)];
        c.out << data.substr(start);
    }
    return status;
}

} // namespace ksim::shell
