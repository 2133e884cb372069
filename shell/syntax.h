// The sh grammar ksim understands: ; && || lists, pipelines, quotes, $? $$ $NAME,
// $(...) and `...`, # comments and redirections ([n]< > >> <> >&m <&m >&- &>).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace ksim::shell {

enum class RedirectKind { Read, Write, Append, ReadWrite, Duplicate, Close };

struct Redirection {
    int fd; // the descriptor redirected (0-9)
    RedirectKind kind;
    std::string target; // a path; for Duplicate, the descriptor copied ("1")
};

struct SimpleCommand {
    std::vector<std::string> words; // after quote removal; markers stand for later expansions
    std::vector<Redirection> redirections;
};

struct Pipeline {
    std::vector<SimpleCommand> commands;
};

enum class Connector { Sequence, And, Or };

struct ListItem {
    Pipeline pipeline;
    Connector before = Connector::Sequence; // how it joins the previous item
};

struct ParsedLine {
    std::vector<ListItem> items;
    std::vector<std::string> substitutions; // the command texts of $(...) and `...`
};

struct SyntaxError {
    std::string message;
};

// Expansions done when a command runs, left in words as markers: $? (the
// previous status), and command substitution number N as start N end;
// its output is split into words only outside double quotes.
constexpr char status_marker = '\x01';
constexpr char substitution_start = '\x02';
constexpr char quoted_substitution_start = '\x04';
constexpr char substitution_end = '\x03';

// Values the parser expands: $$; other $NAME come from the environment.
struct Expansions {
    int shell_pid = 0;
};

std::variant<ParsedLine, SyntaxError> parse_line(const std::string& line, const Expansions& expansions);

} // namespace ksim::shell
