// The sh grammar ksim understands: ; && || lists, quotes, $?, # comments and redirections.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace ksim::shell {

struct Redirection {
    int fd; // 1 or 2
    std::string target; // a path, or "&1" / "&2" to duplicate
    bool append;
};

struct SimpleCommand {
    std::vector<std::string> words; // after quote removal and expansion
    std::vector<Redirection> redirections;
};

enum class Connector { Sequence, And, Or };

struct ListItem {
    SimpleCommand command;
    Connector before = Connector::Sequence; // how it joins the previous item
};

struct SyntaxError {
    std::string message;
};

// Stands for $? in parsed words until the command runs.
constexpr char status_marker = '\x01';

// Values the parser expands: $$; other $NAME come from the environment.
struct Expansions {
    int shell_pid = 0;
};

std::variant<std::vector<ListItem>, SyntaxError> parse_line(const std::string& line, const Expansions& expansions);

} // namespace ksim::shell
