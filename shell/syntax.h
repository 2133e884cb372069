// The sh grammar ksim understands: ; && || lists, pipelines, quotes, $? $$ $NAME,
// $(...) and `...`, # comments and redirections ([n]< > >> <> >&m <&m >&- &>).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ksim::shell {

// The parts of a word after quote removal: text, and the expansions done when
// the command runs. Typed, so that no byte a user can type is ever taken for one.
struct Literal {
    std::string text;
    bool operator==(const Literal&) const = default;
};
// $?: the status of the previous command, as it is when this one runs.
struct LastStatus {
    bool operator==(const LastStatus&) const = default;
};
// $(...) or `...`: ParsedLine::substitutions[index]; its output is split into
// fields only outside double quotes.
struct Substitution {
    size_t index;
    bool quoted;
    bool operator==(const Substitution&) const = default;
};
using WordPart = std::variant<Literal, LastStatus, Substitution>;

struct Word {
    std::vector<WordPart> parts;

    void append(std::string_view text);
    void append(char c) { append(std::string_view(&c, 1)); }
    void add_last_status() { parts.emplace_back(std::in_place_type<LastStatus>); }
    void add_substitution(size_t index, bool quoted) { parts.emplace_back(Substitution {index, quoted}); }
    // Whether the word is only text, and that text.
    bool is_literal() const;
    std::string literal() const;
    bool operator==(const Word&) const = default;
};

enum class RedirectKind { Read, Write, Append, ReadWrite, Duplicate, Close };

struct Redirection {
    int fd; // the descriptor redirected (0-9)
    RedirectKind kind;
    Word target; // a path; for Duplicate, the descriptor copied ("1")
    std::string typed; // the target as the user typed it, for messages
};

struct SimpleCommand {
    std::vector<Word> words;
    std::vector<Redirection> redirections;
};

struct Pipeline {
    std::vector<SimpleCommand> commands;
};

enum class Connector { Sequence, And, Or };

struct ListItem {
    Pipeline pipeline;
    Connector before = Connector::Sequence; // how it joins the previous item
    bool background = false; // ended by `&`: runs as a job while the shell goes on
};

struct ParsedLine {
    std::vector<ListItem> items;
    std::vector<std::string> substitutions; // the command texts of $(...) and `...`
};

struct SyntaxError {
    std::string message;
};

// Values the parser expands: $$; other $NAME come from the environment.
struct Expansions {
    int shell_pid = 0;
};

std::variant<ParsedLine, SyntaxError> parse_line(const std::string& line, const Expansions& expansions);

// The fields the words become when the command runs: $? is `last_status`, and
// `substitute` gives the output of substitution N (trailing newlines removed).
std::vector<std::string> expand_words(
    const std::vector<Word>& words, int last_status, const std::function<std::string(size_t)>& substitute);

} // namespace ksim::shell
