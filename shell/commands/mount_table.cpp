// Reading /proc/self/mounts (see mount_table.h).
#include "shell/commands/mount_table.h"

#include <sstream>

namespace ksim::shell {

namespace {

// The kernel writes a space, tab, newline or backslash in a field as \ooo.
std::string unmangle(const std::string& field)
{
    std::string text;
    for (size_t i = 0; i < field.size(); ++i) {
        bool escaped = field[i] == '\\' && i + 3 < field.size() && field.find_first_not_of("01234567", i + 1) >= i + 4;
        if (escaped) {
            text += static_cast<char>(std::stoi(field.substr(i + 1, 3), nullptr, 8));
            i += 3;
        } else {
            text += field[i];
        }
    }
    return text;
}

} // namespace

std::vector<MountedFs> read_mount_table(CommandContext& c)
{
    int status = 0;
    auto text = read_whole_input(c, "/proc/self/mounts", status);
    std::vector<MountedFs> table;
    if (!text)
        return table;
    std::istringstream lines(*text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        MountedFs m;
        if (fields >> m.source >> m.target >> m.type >> m.options)
            table.push_back({unmangle(m.source), unmangle(m.target), m.type, m.options});
    }
    return table;
}

} // namespace ksim::shell
