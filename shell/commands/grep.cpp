// grep: print the lines of files or standard input that match a pattern.
#include <regex.h>

#include <optional>
#include <string_view>

#include "shell/command.h"

namespace ksim::shell {

namespace {

// A compiled POSIX regular expression (the C library's, as GNU grep's
// semantics are; it does not backtrack exponentially as std::regex does).
class Pattern {
public:
    Pattern() = default;
    Pattern(const Pattern&) = delete;
    Pattern& operator=(const Pattern&) = delete;
    ~Pattern()
    {
        if (m_compiled)
            regfree(&m_regex);
    }

    // The compiler's message when the pattern is not valid.
    std::optional<std::string> compile(const std::string& pattern, int flags)
    {
        int error = regcomp(&m_regex, pattern.c_str(), flags);
        if (error == 0) {
            m_compiled = true;
            return std::nullopt;
        }
        char message[256];
        regerror(error, &m_regex, message, sizeof message);
        regfree(&m_regex);
        return message;
    }

    // The first match in line[from..], as [start, end); any bytes, NUL included.
    std::optional<std::pair<size_t, size_t>> find(std::string_view line, size_t from) const
    {
        regmatch_t match[1];
        match[0].rm_so = static_cast<regoff_t>(from);
        match[0].rm_eo = static_cast<regoff_t>(line.size());
        if (regexec(&m_regex, line.data(), 1, match, REG_STARTEND | (from > 0 ? REG_NOTBOL : 0)) != 0)
            return std::nullopt;
        return std::pair<size_t, size_t> {match[0].rm_so, match[0].rm_eo};
    }

private:
    regex_t m_regex {};
    bool m_compiled = false;
};

// A fixed string as a basic regular expression that matches just it.
std::string escape_basic(const std::string& text)
{
    std::string escaped;
    for (char ch : text) {
        if (std::string_view("\\^$.*[]").find(ch) != std::string_view::npos)
            escaped += '\\';
        escaped += ch;
    }
    return escaped;
}

} // namespace

int cmd_grep(CommandContext& c)
{
    bool ignore_case = false, invert = false, count_only = false, numbers = false, quiet = false, fixed = false,
         extended = false, whole_word = false, only_matching = false;
    std::vector<std::string> operands;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a.size() > 1 && a[0] == '-' && a.find_first_not_of("ivcnqFEwo", 1) == std::string::npos) {
            for (char f : a.substr(1)) {
                ignore_case |= f == 'i';
                invert |= f == 'v';
                count_only |= f == 'c';
                numbers |= f == 'n';
                quiet |= f == 'q';
                fixed |= f == 'F';
                extended |= f == 'E';
                whole_word |= f == 'w';
                only_matching |= f == 'o';
            }
        } else if (a == "-e" && i + 1 < c.args.size()) {
            operands.insert(operands.begin(), c.args[++i]);
        } else {
            operands.push_back(a);
        }
    }
    if (operands.empty()) {
        c.err << "Usage: grep [OPTION]... PATTERNS [FILE]...\n";
        return 2;
    }
    std::string pattern = operands.front();
    std::vector<std::string> paths(operands.begin() + 1, operands.end());
    if (fixed)
        pattern = escape_basic(pattern);
    if (whole_word)
        pattern = extended && !fixed ? "\\b(" + pattern + ")\\b" : "\\b\\(" + pattern + "\\)\\b";
    Pattern regex;
    int flags = (extended && !fixed ? REG_EXTENDED : 0) | (ignore_case ? REG_ICASE : 0);
    if (auto error = regex.compile(pattern, flags)) {
        c.err << "grep: " << *error << "\n";
        return 2;
    }
    bool many = paths.size() > 1;
    if (paths.empty())
        paths.push_back("-");
    bool matched = false, failed = false;
    for (const std::string& path : paths) {
        int status = 0;
        auto all = read_whole_input(c, path, status);
        if (!all && status > 128)
            return status; // the process died (a signal, an Oops)
        if (!all) {
            failed = true;
            continue;
        }
        std::string prefix = many ? (path == "-" ? "(standard input)" : path) + ":" : "";
        size_t count = 0, number = 0, start = 0;
        const std::string& data = *all;
        while (start < data.size()) {
            size_t end = data.find('\n', start);
            std::string line = data.substr(start, end == std::string::npos ? std::string::npos : end - start);
            start = end == std::string::npos ? data.size() : end + 1;
            ++number;
            if (regex.find(line, 0).has_value() == invert)
                continue;
            ++count;
            matched = true;
            if (count_only || quiet)
                continue;
            std::string head = prefix + (numbers ? std::to_string(number) + ":" : "");
            if (!only_matching || invert) {
                c.out << head << line << "\n";
                continue;
            }
            for (size_t from = 0; from <= line.size();) {
                auto found = regex.find(line, from);
                if (!found)
                    break;
                auto [match_start, match_end] = *found;
                if (match_end > match_start)
                    c.out << head << line.substr(match_start, match_end - match_start) << "\n";
                from = match_end > match_start ? match_end : match_end + 1;
            }
        }
        if (count_only && !quiet)
            c.out << prefix << count << "\n";
    }
    return failed && !(quiet && matched) ? 2 : matched ? 0 : 1;
}

} // namespace ksim::shell
