// nproc: the processing units this process may run on (its affinity, from /proc/self/status), as coreutils prints.
#include <charconv>

#include "shell/command.h"

namespace ksim::shell {

namespace {

// "0-1,4" -> 3
long count_cpu_list(std::string_view list)
{
    long count = 0;
    while (!list.empty()) {
        size_t comma = list.find(',');
        std::string_view range = list.substr(0, comma);
        list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
        long first = 0, last = 0;
        auto [end, error] = std::from_chars(range.data(), range.data() + range.size(), first);
        last = first;
        if (error == std::errc {} && end != range.data() + range.size() && *end == '-')
            std::from_chars(end + 1, range.data() + range.size(), last);
        count += last - first + 1;
    }
    return count;
}

} // namespace

int cmd_nproc(CommandContext& c)
{
    long ignore = 0;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a == "--all")
            continue;
        std::string value;
        if (a.starts_with("--ignore="))
            value = a.substr(9);
        else if (a == "--ignore" && i + 1 < c.args.size())
            value = c.args[++i];
        else if (a == "--ignore") {
            c.err << "nproc: option '--ignore' requires an argument\nTry 'nproc --help' for more information.\n";
            return 1;
        } else if (a.starts_with('-')) {
            c.err << "nproc: unrecognized option '" << a << "'\nTry 'nproc --help' for more information.\n";
            return 1;
        } else {
            c.err << "nproc: extra operand " << quote_name(a) << "\nTry 'nproc --help' for more information.\n";
            return 1;
        }
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), ignore);
        if (value.empty() || error != std::errc {} || end != value.data() + value.size() || ignore < 0) {
            c.err << "nproc: invalid number: " << quote_name(value) << "\n";
            return 1;
        }
    }
    int status = 0;
    auto text = read_whole_input(c, "/proc/self/status", status);
    if (!text)
        return status;
    constexpr std::string_view key = "\nCpus_allowed_list:\t";
    size_t at = text->find(key);
    std::string_view list = at == std::string::npos ? "0" : std::string_view(*text).substr(at + key.size());
    list = list.substr(0, list.find('\n'));
    long cpus = count_cpu_list(list);
    c.out << (cpus > ignore ? cpus - ignore : 1) << "\n";
    return 0;
}

} // namespace ksim::shell
