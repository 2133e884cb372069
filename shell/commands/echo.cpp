// echo: print its arguments (bash's builtin, with -n and -e).
#include "shell/command.h"

namespace ksim::shell {

namespace {

std::string interpret_escapes(const std::string& text, bool& stop)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 >= text.size()) {
            out += text[i];
            continue;
        }
        char e = text[++i];
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'e':
            out += '\033';
            break;
        case '\\':
            out += '\\';
            break;
        case 'c':
            stop = true;
            return out;
        case '0': {
            int value = 0;
            for (int k = 0; k < 3 && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '7'; ++k)
                value = value * 8 + (text[++i] - '0');
            out += static_cast<char>(value);
            break;
        }
        default:
            out += '\\';
            out += e;
            break;
        }
    }
    return out;
}

} // namespace

int cmd_echo(CommandContext& c)
{
    bool newline = true, escapes = false;
    size_t i = 1;
    // Only words made of n, e and E letters are options, as in bash.
    for (; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a.size() < 2 || a[0] != '-' || a.find_first_not_of("neE", 1) != std::string::npos)
            break;
        for (char f : a.substr(1)) {
            if (f == 'n')
                newline = false;
            else if (f == 'e')
                escapes = true;
            else
                escapes = false;
        }
    }
    std::string text;
    bool stop = false;
    for (size_t first = i; i < c.args.size() && !stop; ++i) {
        if (i > first)
            text += ' ';
        text += escapes ? interpret_escapes(c.args[i], stop) : c.args[i];
    }
    if (newline && !stop)
        text += '\n';
    c.out << text;
    return 0;
}

} // namespace ksim::shell
