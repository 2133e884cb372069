// grep: print the lines of files or standard input that match a pattern.
#include <regex>

#include "shell/command.h"

namespace ksim::shell {

namespace {

// A POSIX basic regular expression (with GNU's \+ \? \|) as an ECMAScript
// one: in BRE, ( ) { } | + ? are literal unless escaped.
std::string basic_to_ecmascript(const std::string& pattern)
{
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '[') {
            // A bracket expression is copied whole; a ] right after [ or [^ belongs to it.
            size_t end = i + 1;
            if (end < pattern.size() && pattern[end] == '^')
                ++end;
            if (end < pattern.size() && pattern[end] == ']')
                ++end;
            while (end < pattern.size() && pattern[end] != ']')
                end += pattern.compare(end, 2, "[:") == 0 ? pattern.find(":]", end) - end + 2 : 1;
            out += pattern.substr(i, end - i + 1);
            i = end;
        } else if (c == '\\' && i + 1 < pattern.size()) {
            char next = pattern[++i];
            if (std::string_view("(){}|+?").find(next) != std::string_view::npos)
                out += next;
            else
                out += std::string("\\") + next;
        } else if (std::string_view("(){}|+?").find(c) != std::string_view::npos) {
            out += std::string("\\") + c;
        } else {
            out += c;
        }
    }
    return out;
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
    if (fixed) {
        std::string escaped;
        for (char ch : pattern) {
            if (std::string_view("\\^$.|?*+()[]{}").find(ch) != std::string_view::npos)
                escaped += '\\';
            escaped += ch;
        }
        pattern = escaped;
    } else if (!extended) {
        pattern = basic_to_ecmascript(pattern);
    }
    if (whole_word)
        pattern = "\\b(?:" + pattern + ")\\b";
    std::regex regex;
    try {
        auto flags = std::regex::ECMAScript;
        regex = std::regex(pattern, ignore_case ? flags | std::regex::icase : flags);
    } catch (const std::regex_error&) {
        c.err << "grep: Invalid regular expression\n";
        return 2;
    }
    bool many = paths.size() > 1;
    if (paths.empty())
        paths.push_back("-");
    bool matched = false, failed = false;
    for (const std::string& path : paths) {
        int status = 0;
        auto all = read_whole_input(c, path, status);
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
            if (std::regex_search(line, regex) == invert)
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
            for (std::sregex_iterator it(line.begin(), line.end(), regex), end; it != end; ++it)
                if (it->length() > 0)
                    c.out << head << it->str() << "\n";
        }
        if (count_only && !quiet)
            c.out << prefix << count << "\n";
    }
    return failed && !(quiet && matched) ? 2 : matched ? 0 : 1;
}

} // namespace ksim::shell
