// The sh grammar ksim understands (see syntax.h).
#include "shell/syntax.h"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <string_view>

namespace ksim::shell {

namespace {

enum class TokenKind { Word, Semicolon, AndIf, OrIf, Pipe, Background, Redirect };

struct Token {
    TokenKind kind;
    std::string text;
    Redirection redirection {};
};

class Lexer {
public:
    Lexer(const std::string& line, const Expansions& expansions)
        : m_line(line)
        , m_expansions(expansions)
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
                tokens.push_back({TokenKind::Word, std::get<std::string>(word)});
            }
        }
        return tokens;
    }

private:
    char peek(size_t ahead) const { return m_pos + ahead < m_line.size() ? m_line[m_pos + ahead] : '\0'; }

    // [n]> [n]>> [n]>&m and < ; returns nothing when the text is not one.
    std::optional<std::variant<Token, SyntaxError>> try_redirection()
    {
        size_t start = m_pos;
        int fd = 1;
        if (std::isdigit(static_cast<unsigned char>(m_line[m_pos])) && (peek(1) == '>' || peek(1) == '<')) {
            fd = m_line[m_pos] - '0';
            ++m_pos;
        }
        char c = m_pos < m_line.size() ? m_line[m_pos] : '\0';
        if (c != '>' && c != '<') {
            m_pos = start;
            return std::nullopt;
        }
        if (c == '<')
            return SyntaxError {"input redirection is not supported"};
        ++m_pos;
        bool append = false;
        if (peek(0) == '>') {
            append = true;
            ++m_pos;
        }
        if (peek(0) == '&') {
            ++m_pos;
            std::string target = "&";
            while (m_pos < m_line.size() && std::isdigit(static_cast<unsigned char>(m_line[m_pos])))
                target += m_line[m_pos++];
            if (target != "&1" && target != "&2")
                return SyntaxError {"bad file descriptor in redirection"};
            return Token {TokenKind::Redirect, "", {fd, target, false}};
        }
        while (m_pos < m_line.size() && (m_line[m_pos] == ' ' || m_line[m_pos] == '\t'))
            ++m_pos;
        if (m_pos >= m_line.size() || std::string_view(";&|<>").find(m_line[m_pos]) != std::string_view::npos)
            return SyntaxError {"syntax error near unexpected token `newline'"};
        auto word = read_word();
        if (auto* error = std::get_if<SyntaxError>(&word))
            return *error;
        if (fd != 1 && fd != 2)
            return SyntaxError {"only file descriptors 1 and 2 can be redirected"};
        return Token {TokenKind::Redirect, "", {fd, std::get<std::string>(word), append}};
    }

    void expand_dollar(std::string& out)
    {
        ++m_pos; // the '$'
        char c = peek(0);
        if (c == '?') {
            // Expanded when the command runs: in `false; echo $?` the status is the previous command's.
            out += status_marker;
            ++m_pos;
            return;
        }
        if (c == '$') {
            out += std::to_string(m_expansions.shell_pid);
            ++m_pos;
            return;
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
            out += '$';
            return;
        }
        if (const char* value = std::getenv(name.c_str()))
            out += value;
    }

    std::variant<std::string, SyntaxError> read_word()
    {
        std::string out;
        if (peek(0) == '~' && (peek(1) == '/' || peek(1) == '\0' || peek(1) == ' ')) {
            if (const char* home = std::getenv("HOME"))
                out += home;
            ++m_pos;
        }
        while (m_pos < m_line.size()) {
            char c = m_line[m_pos];
            if (c == ' ' || c == '\t' || c == ';' || c == '\n' || c == '|' || c == '&' || c == '>' || c == '<')
                break;
            if (c == '\'') {
                size_t end = m_line.find('\'', m_pos + 1);
                if (end == std::string::npos)
                    return SyntaxError {"unexpected EOF while looking for matching `''"};
                out.append(m_line, m_pos + 1, end - m_pos - 1);
                m_pos = end + 1;
            } else if (c == '"') {
                ++m_pos;
                while (true) {
                    if (m_pos >= m_line.size())
                        return SyntaxError {"unexpected EOF while looking for matching `\"'"};
                    char d = m_line[m_pos];
                    if (d == '"') {
                        ++m_pos;
                        break;
                    }
                    if (d == '\\' && std::string_view("$`\"\\").find(peek(1)) != std::string_view::npos) {
                        out += peek(1);
                        m_pos += 2;
                    } else if (d == '$') {
                        expand_dollar(out);
                    } else {
                        out += d;
                        ++m_pos;
                    }
                }
            } else if (c == '\\') {
                if (m_pos + 1 < m_line.size())
                    out += m_line[m_pos + 1];
                m_pos += 2;
            } else if (c == '$') {
                expand_dollar(out);
            } else {
                out += c;
                ++m_pos;
            }
        }
        return out;
    }

    const std::string& m_line;
    const Expansions& m_expansions;
    size_t m_pos = 0;
};

} // namespace

std::variant<std::vector<ListItem>, SyntaxError> parse_line(const std::string& line, const Expansions& expansions)
{
    auto lexed = Lexer(line, expansions).run();
    if (auto* error = std::get_if<SyntaxError>(&lexed))
        return *error;
    std::vector<ListItem> items;
    ListItem current;
    bool have_command = false;
    Connector next = Connector::Sequence;
    auto finish = [&](const std::string& token) -> std::optional<SyntaxError> {
        if (!have_command)
            return SyntaxError {"syntax error near unexpected token `" + token + "'"};
        current.before = next;
        items.push_back(std::move(current));
        current = ListItem {};
        have_command = false;
        return std::nullopt;
    };
    const auto& tokens = std::get<std::vector<Token>>(lexed);
    for (const Token& t : tokens) {
        switch (t.kind) {
        case TokenKind::Word:
            current.command.words.push_back(t.text);
            have_command = true;
            break;
        case TokenKind::Redirect:
            current.command.redirections.push_back(t.redirection);
            have_command = true;
            break;
        case TokenKind::Pipe:
            return SyntaxError {"pipes are not supported yet"};
        case TokenKind::Background:
            return SyntaxError {"background jobs (&) are not supported"};
        case TokenKind::Semicolon:
        case TokenKind::AndIf:
        case TokenKind::OrIf:
            if (t.kind == TokenKind::Semicolon && !have_command && items.empty() && current.command.words.empty())
                return SyntaxError {"syntax error near unexpected token `;'"};
            if (auto error = finish(t.text))
                return *error;
            next = t.kind == TokenKind::AndIf ? Connector::And
                : t.kind == TokenKind::OrIf   ? Connector::Or
                                              : Connector::Sequence;
            break;
        }
    }
    if (have_command) {
        current.before = next;
        items.push_back(std::move(current));
    } else if (next != Connector::Sequence) {
        return SyntaxError {"syntax error: unexpected end of line"};
    }
    return items;
}

} // namespace ksim::shell
