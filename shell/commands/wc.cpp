// wc: count lines, words and bytes of files or standard input.
#include <cctype>
#include <iomanip>

#include "shell/command.h"

namespace ksim::shell {

int cmd_wc(CommandContext& c)
{
    bool lines = false, words = false, bytes = false;
    std::vector<std::string> paths;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a.size() > 1 && a[0] == '-' && a.find_first_not_of("lwc", 1) == std::string::npos) {
            for (char f : a.substr(1))
                (f == 'l' ? lines : f == 'w' ? words : bytes) = true;
        } else {
            paths.push_back(a);
        }
    }
    if (!lines && !words && !bytes)
        lines = words = bytes = true;
    bool from_stdin = paths.empty();
    if (from_stdin)
        paths.push_back("-");

    struct Counts {
        size_t lines = 0, words = 0, bytes = 0;
        std::string name;
    };
    std::vector<Counts> rows;
    Counts total {0, 0, 0, "total"};
    int status = 0;
    for (const std::string& path : paths) {
        auto all = read_whole_input(c, path, status);
        if (!all)
            continue;
        Counts n {0, 0, all->size(), path == "-" ? "" : path};
        bool in_word = false;
        for (unsigned char ch : *all) {
            n.lines += ch == '\n';
            bool space = std::isspace(ch) != 0;
            n.words += !space && !in_word;
            in_word = !space;
        }
        total.lines += n.lines;
        total.words += n.words;
        total.bytes += n.bytes;
        rows.push_back(n);
    }
    if (rows.size() > 1)
        rows.push_back(total);
    // Like coreutils: one count alone is not padded; several line up in columns.
    int selected = lines + words + bytes;
    size_t width = 1;
    for (size_t v : {total.lines, total.words, total.bytes})
        width = std::max(width, std::to_string(v).size());
    if (from_stdin && selected > 1)
        width = std::max<size_t>(width, 7);
    for (const Counts& n : rows) {
        std::string line;
        auto field = [&](size_t v) {
            std::string text = std::to_string(v);
            if (!line.empty())
                line += ' ';
            line += selected > 1 || rows.size() > 1 ? std::string(width - std::min(width, text.size()), ' ') + text
                                                    : text;
        };
        if (lines)
            field(n.lines);
        if (words)
            field(n.words);
        if (bytes)
            field(n.bytes);
        c.out << line << (n.name.empty() ? "" : " " + n.name) << "\n";
    }
    return status;
}

} // namespace ksim::shell
