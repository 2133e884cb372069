// cut: select fields (-f, split at -d) or characters (-c) of each line.
#include <set>

#include "shell/command.h"

namespace ksim::shell {

namespace {

// "1,3-5,7-": which 1-based positions are wanted; false when malformed.
bool parse_list(const std::string& text, std::vector<std::pair<size_t, size_t>>& ranges)
{
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        size_t dash = part.find('-');
        try {
            size_t low = dash == 0 ? 1 : std::stoul(part.substr(0, dash));
            size_t high = dash == std::string::npos ? low
                : dash + 1 == part.size()           ? SIZE_MAX
                                                    : std::stoul(part.substr(dash + 1));
            if (low == 0 || high < low)
                return false;
            ranges.emplace_back(low, high);
        } catch (const std::exception&) {
            return false;
        }
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return !ranges.empty();
}

bool wanted(const std::vector<std::pair<size_t, size_t>>& ranges, size_t position)
{
    for (auto [low, high] : ranges)
        if (position >= low && position <= high)
            return true;
    return false;
}

} // namespace

int cmd_cut(CommandContext& c)
{
    char delimiter = '\t';
    std::string fields, characters;
    std::vector<std::string> paths;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        auto value = [&](size_t prefix) {
            return a.size() > prefix ? a.substr(prefix) : i + 1 < c.args.size() ? c.args[++i] : "";
        };
        if (a.starts_with("-d")) {
            std::string d = value(2);
            if (d.size() != 1) {
                c.err << "cut: the delimiter must be a single character\n";
                return 1;
            }
            delimiter = d[0];
        } else if (a.starts_with("-f")) {
            fields = value(2);
        } else if (a.starts_with("-c")) {
            characters = value(2);
        } else {
            paths.push_back(a);
        }
    }
    std::vector<std::pair<size_t, size_t>> ranges;
    if (fields.empty() == characters.empty() || !parse_list(fields.empty() ? characters : fields, ranges)) {
        c.err << "cut: you must specify a list of bytes, characters, or fields\n";
        return 1;
    }
    if (paths.empty())
        paths.push_back("-");
    int status = 0;
    for (const std::string& path : paths) {
        auto all = read_whole_input(c, path, status);
        if (!all)
            continue;
        const std::string& data = *all;
        for (size_t start = 0; start < data.size();) {
            size_t end = data.find('\n', start);
            std::string line = data.substr(start, end == std::string::npos ? std::string::npos : end - start);
            start = end == std::string::npos ? data.size() : end + 1;
            std::string out;
            if (!characters.empty()) {
                for (size_t k = 0; k < line.size(); ++k)
                    if (wanted(ranges, k + 1))
                        out += line[k];
            } else if (line.find(delimiter) == std::string::npos) {
                out = line; // lines without the delimiter pass whole, as in coreutils
            } else {
                size_t field = 1, from = 0;
                bool first = true;
                while (true) {
                    size_t next = line.find(delimiter, from);
                    if (wanted(ranges, field)) {
                        if (!first)
                            out += delimiter;
                        out.append(line, from, next == std::string::npos ? std::string::npos : next - from);
                        first = false;
                    }
                    if (next == std::string::npos)
                        break;
                    from = next + 1;
                    ++field;
                }
            }
            c.out << out << "\n";
        }
    }
    return status;
}

} // namespace ksim::shell
