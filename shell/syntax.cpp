// The sh grammar ksim understands (see syntax.h).
#include "shell/syntax.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string_view>

namespace ksim::shell {

namespace {

enum class TokenKind { Word, Semicolon, AndIf, OrIf, Pipe, Background, Redirect };

struct Token {
    TokenKind kind;
    std::string text;
    std::vector<Redirection> redirections {};
    Word word {};
};

bool is_digit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

class Lexer {
public:
    Lexer(const std::string& line, const Expansions& expansions, std::vector<std::string>& substitutions)
        : m_line(line)
        , m_expansions(expansions)
        , m_substitutions(substitutions)
    {
    }

    std::variant<std::vector<Token>, SyntaxError> run()
    {
        std::vector<Token> tokens;
        while (true) {
            while (m_pos < m_line.size() && (m_line[m_pos] == ' ' || m_line[m_pos] == '\t'))
                ++m_pos;
            if (m_pos >= m_line.size() || m_line[m_pos] == '#')
                break;
            char c = m_line[m_pos];
            if (c == ';' || c == '\n') {
                tokens.push_back({TokenKind::Semicolon, ";"});
                ++m_pos;
            } else if (c == '&' && peek(1) == '&') {
                tokens.push_back({TokenKind::AndIf, "&&"});
                m_pos += 2;
            } else if (c == '|' && peek(1) == '|') {
                tokens.push_back({TokenKind::OrIf, "||"});
                m_pos += 2;
            } else if (c == '|') {
                tokens.push_back({TokenKind::Pipe, "|"});
                ++m_pos;
            } else if (c == '&' && peek(1) != '>') {
                tokens.push_back({TokenKind::Background, "&"});
                ++m_pos;
            } else if (auto redirect = try_redirection()) {
                if (auto* error = std::get_if<SyntaxError>(&*redirect))
                    return *error;
                tokens.push_back(std::get<Token>(*redirect));
            } else {
                auto word = read_word();
                if (auto* error = std::get_if<SyntaxError>(&word))
                    return *error;
                tokens.push_back({TokenKind::Word, "", {}, std::move(std::get<Word>(word))});
            }
        }
        return tokens;
    }

private:
    char peek(size_t ahead) const { return m_pos + ahead < m_line.size() ? m_line[m_pos + ahead] : '\0'; }

    // [n]< [n]> [n]>> [n]<> [n]>&m [n]<&m [n]>&- &>; nothing when the text is not one.
    std::optional<std::variant<Token, SyntaxError>> try_redirection()
    {
        size_t start = m_pos;
        int fd = -1;
        bool both = false;
        if (is_digit(m_line[m_pos]) && (peek(1) == '>' || peek(1) == '<')) {
            fd = m_line[m_pos] - '0';
            ++m_pos;
        } else if (m_line[m_pos] == '&' && peek(1) == '>') {
            both = true;
            ++m_pos;
        }
        char c = peek(0);
        if (c != '>' && c != '<') {
            m_pos = start;
            return std::nullopt;
        }
        ++m_pos;
        RedirectKind kind = c == '<' ? RedirectKind::Read : RedirectKind::Write;
        if (c == '>' && peek(0) == '>') {
            kind = RedirectKind::Append;
            ++m_pos;
        } else if (c == '<' && peek(0) == '>') {
            kind = RedirectKind::ReadWrite;
            ++m_pos;
        }
        if (fd < 0)
            fd = c == '<' ? 0 : 1;
        if (peek(0) == '&' && !both && kind != RedirectKind::Append && kind != RedirectKind::ReadWrite) {
            ++m_pos;
            if (peek(0) == '-') {
                ++m_pos;
                return Token {TokenKind::Redirect, "", {{fd, RedirectKind::Close, {}, "-"}}};
            }
            std::string source;
            while (is_digit(peek(0)))
                source += m_line[m_pos++];
            if (source.empty())
                return SyntaxError {"syntax error near unexpected token `&'"};
            Word target;
            target.append(source);
            return Token {TokenKind::Redirect, "", {{fd, RedirectKind::Duplicate, std::move(target), source}}};
        }
        while (m_pos < m_line.size() && (m_line[m_pos] == ' ' || m_line[m_pos] == '\t'))
            ++m_pos;
        if (m_pos >= m_line.size())
            return SyntaxError {"syntax error near unexpected token `newline'"};
        if (std::string_view(";&|<>").find(m_line[m_pos]) != std::string_view::npos)
            return SyntaxError {std::string("syntax error near unexpected token `") + m_line[m_pos] + "'"};
        size_t word_start = m_pos;
        auto word = read_word();
        if (auto* error = std::get_if<SyntaxError>(&word))
            return *error;
        std::string typed = m_line.substr(word_start, m_pos - word_start);
        Token token {TokenKind::Redirect, "", {{fd, kind, std::move(std::get<Word>(word)), typed}}};
        if (both) {
            Word standard_out;
            standard_out.append("1");
            token.redirections.push_back({2, RedirectKind::Duplicate, std::move(standard_out), "1"});
        }
        return token;
    }

    // The text of $(...) up to its matching parenthesis, quotes respected.
    std::variant<std::string, SyntaxError> read_substitution_body(char close)
    {
        int depth = 1;
        size_t start = m_pos;
        while (m_pos < m_line.size()) {
            char c = m_line[m_pos];
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            if (close == ')' && (c == '\'' || c == '"')) {
                size_t end = m_line.find(c, m_pos + 1);
                if (end == std::string::npos)
                    break;
                m_pos = end + 1;
                continue;
            }
            if (close == ')' && c == '(')
                ++depth;
            if (c == close && --depth == 0) {
                std::string body = m_line.substr(start, m_pos - start);
                ++m_pos;
                return body;
            }
            ++m_pos;
        }
        return SyntaxError {close == ')' ? "unexpected EOF while looking for matching `)'"
                                         : "unexpected EOF while looking for matching ``'"};
    }

    std::optional<SyntaxError> add_substitution(Word& out, char close, bool quoted)
    {
        auto body = read_substitution_body(close);
        if (auto* error = std::get_if<SyntaxError>(&body))
            return *error;
        out.add_substitution(m_substitutions.size(), quoted);
        m_substitutions.push_back(std::get<std::string>(body));
        return std::nullopt;
    }

    std::optional<SyntaxError> expand_dollar(Word& out, bool quoted)
    {
        ++m_pos; // the '$'
        char c = peek(0);
        if (c == '(') {
            ++m_pos;
            return add_substitution(out, ')', quoted);
        }
        if (c == '?') {
            // Expanded when the command runs: in `false; echo $?` the status is the previous command's.
            out.add_last_status();
            ++m_pos;
            return std::nullopt;
        }
        if (c == '$') {
            out.append(std::to_string(m_expansions.shell_pid));
            ++m_pos;
            return std::nullopt;
        }
        bool braced = c == '{';
        if (braced)
            ++m_pos;
        std::string name;
        while (
            m_pos < m_line.size() && (std::isalnum(static_cast<unsigned char>(m_line[m_pos])) || m_line[m_pos] == '_'))
            name += m_line[m_pos++];
        if (braced && peek(0) == '}')
            ++m_pos;
        if (name.empty()) {
            out.append("$");
            return std::nullopt;
        }
        if (const char* value = std::getenv(name.c_str()))
            out.append(value);
        return std::nullopt;
    }

    std::variant<Word, SyntaxError> read_word()
    {
        Word out;
        if (peek(0) == '~' && (peek(1) == '/' || peek(1) == '\0' || peek(1) == ' ')) {
            if (const char* home = std::getenv("HOME"))
                out.append(home);
            ++m_pos;
        }
        while (m_pos < m_line.size()) {
            char c = m_line[m_pos];
            if (c == ' ' || c == '\t' || c == ';' || c == '\n' || c == '|' || c == '&' || c == '>' || c == '<')
                break;
            std::optional<SyntaxError> error;
            if (c == '\'') {
                size_t end = m_line.find('\'', m_pos + 1);
                if (end == std::string::npos)
                    return SyntaxError {"unexpected EOF while looking for matching `''"};
                out.append(std::string_view(m_line).substr(m_pos + 1, end - m_pos - 1));
                m_pos = end + 1;
            } else if (c == '"') {
                ++m_pos;
                while (!error) {
                    if (m_pos >= m_line.size())
                        return SyntaxError {"unexpected EOF while looking for matching `\"'"};
                    char d = m_line[m_pos];
                    if (d == '"') {
                        ++m_pos;
                        break;
                    }
                    if (d == '\\' && std::string_view("$`\"\\").find(peek(1)) != std::string_view::npos) {
                        out.append(peek(1));
                        m_pos += 2;
                    } else if (d == '$') {
                        error = expand_dollar(out, true);
                    } else if (d == '`') {
                        ++m_pos;
                        error = add_substitution(out, '`', true);
                    } else {
                        out.append(d);
                        ++m_pos;
                    }
                }
            } else if (c == '\\') {
                if (m_pos + 1 < m_line.size())
                    out.append(m_line[m_pos + 1]);
                m_pos += 2;
            } else if (c == '$') {
                error = expand_dollar(out, false);
            } else if (c == '`') {
                ++m_pos;
                error = add_substitution(out, '`', false);
            } else {
                out.append(c);
                ++m_pos;
            }
            if (error)
                return *error;
        }
        return out;
    }

    const std::string& m_line;
    const Expansions& m_expansions;
    std::vector<std::string>& m_substitutions;
    size_t m_pos = 0;
};

} // namespace

void Word::append(std::string_view text)
{
    if (!parts.empty())
        if (auto* last = std::get_if<Literal>(&parts.back())) {
            last->text += text;
            return;
        }
    parts.push_back(Literal {std::string(text)});
}

bool Word::is_literal() const
{
    return std::ranges::all_of(parts, [](const WordPart& part) { return std::holds_alternative<Literal>(part); });
}

std::string Word::literal() const
{
    std::string text;
    for (const WordPart& part : parts)
        if (const auto* literal = std::get_if<Literal>(&part))
            text += literal->text;
    return text;
}

std::vector<std::string> expand_words(
    const std::vector<Word>& words, int last_status, const std::function<std::string(size_t)>& substitute)
{
    std::vector<std::string> result;
    for (const Word& word : words) {
        // An unquoted substitution's output splits at blanks; the text around it joins the first and last fields.
        std::vector<std::string> fields(1);
        bool split = false;
        for (const WordPart& part : word.parts) {
            if (const auto* literal = std::get_if<Literal>(&part)) {
                fields.back() += literal->text;
                continue;
            }
            if (std::holds_alternative<LastStatus>(part)) {
                fields.back() += std::to_string(last_status);
                continue;
            }
            const auto& substitution = std::get<Substitution>(part);
            std::string output = substitute(substitution.index);
            if (substitution.quoted) {
                fields.back() += output;
                continue;
            }
            split = true;
            for (char o : output) {
                if (o != ' ' && o != '\t' && o != '\n')
                    fields.back() += o;
                else if (!fields.back().empty())
                    fields.emplace_back();
            }
        }
        if (!split) {
            result.push_back(std::move(fields.front()));
            continue;
        }
        for (std::string& field : fields)
            if (!field.empty())
                result.push_back(std::move(field));
    }
    return result;
}

std::variant<ParsedLine, SyntaxError> parse_line(const std::string& line, const Expansions& expansions)
{
    ParsedLine parsed;
    auto lexed = Lexer(line, expansions, parsed.substitutions).run();
    if (auto* error = std::get_if<SyntaxError>(&lexed))
        return *error;
    ListItem current;
    SimpleCommand command;
    bool have_command = false;
    Connector next = Connector::Sequence;
    auto unexpected
        = [](const std::string& token) { return SyntaxError {"syntax error near unexpected token `" + token + "'"}; };
    for (const Token& t : std::get<std::vector<Token>>(lexed)) {
        switch (t.kind) {
        case TokenKind::Word:
            command.words.push_back(t.word);
            have_command = true;
            break;
        case TokenKind::Redirect:
            command.redirections.insert(command.redirections.end(), t.redirections.begin(), t.redirections.end());
            have_command = true;
            break;
        case TokenKind::Pipe:
            if (!have_command)
                return unexpected(t.text);
            current.pipeline.commands.push_back(std::move(command));
            command = SimpleCommand {};
            have_command = false;
            break;
        case TokenKind::Semicolon:
        case TokenKind::AndIf:
        case TokenKind::OrIf:
        case TokenKind::Background: // `&` ends an item as `;` does, and runs it as a job
            if (!have_command)
                return unexpected(t.text);
            current.pipeline.commands.push_back(std::move(command));
            command = SimpleCommand {};
            have_command = false;
            current.before = next;
            current.background = t.kind == TokenKind::Background;
            parsed.items.push_back(std::move(current));
            current = ListItem {};
            next = t.kind == TokenKind::AndIf ? Connector::And
                : t.kind == TokenKind::OrIf   ? Connector::Or
                                              : Connector::Sequence;
            break;
        }
    }
    if (have_command) {
        current.pipeline.commands.push_back(std::move(command));
        current.before = next;
        parsed.items.push_back(std::move(current));
    } else if (!current.pipeline.commands.empty() || next != Connector::Sequence) {
        return SyntaxError {"syntax error: unexpected end of file"};
    }
    return parsed;
}

} // namespace ksim::shell
