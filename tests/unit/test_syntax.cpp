// The shell's grammar: lists, pipelines, quotes, comments, redirections and expansions.
#include <doctest/doctest.h>

#include <string_view>

#include "shell/syntax.h"

using namespace ksim::shell;

namespace {
ParsedLine parse(const std::string& line)
{
    auto result = parse_line(line, Expansions {42});
    REQUIRE(std::holds_alternative<ParsedLine>(result));
    return std::get<ParsedLine>(result);
}

const SimpleCommand& first(const ParsedLine& parsed, size_t item = 0, size_t stage = 0)
{
    return parsed.items.at(item).pipeline.commands.at(stage);
}

// The words of a command that has no expansions left, as text.
std::vector<std::string> texts(const SimpleCommand& command)
{
    std::vector<std::string> result;
    for (const Word& word : command.words) {
        REQUIRE(word.is_literal());
        result.push_back(word.literal());
    }
    return result;
}
} // namespace

TEST_CASE("quote removal as sh does it")
{
    auto parsed = parse(R"(insmod hello-5.ko 'mystring="two words"' a="b c"d \$x)");
    REQUIRE(parsed.items.size() == 1);
    CHECK(texts(first(parsed))
        == std::vector<std::string> {"insmod", "hello-5.ko", "mystring=\"two words\"", "a=b cd", "$x"});
}

TEST_CASE("lists, comments and $?")
{
    auto parsed = parse("false && echo a || echo $? ; echo '#' # comment");
    REQUIRE(parsed.items.size() == 4);
    CHECK(parsed.items[1].before == Connector::And);
    CHECK(parsed.items[2].before == Connector::Or);
    CHECK(first(parsed, 2).words[1].parts == std::vector<WordPart> {LastStatus {}});
    CHECK(texts(first(parsed, 3)) == std::vector<std::string> {"echo", "#"});
    CHECK(texts(first(parse("echo $$")))[1] == "42");
}

TEST_CASE("pipelines")
{
    auto parsed = parse("lsmod | grep hello | wc -l && echo ok");
    REQUIRE(parsed.items.size() == 2);
    REQUIRE(parsed.items[0].pipeline.commands.size() == 3);
    CHECK(texts(first(parsed, 0, 1)) == std::vector<std::string> {"grep", "hello"});
    CHECK(texts(first(parsed, 0, 2)) == std::vector<std::string> {"wc", "-l"});
    CHECK(std::holds_alternative<SyntaxError>(parse_line("| grep x", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("lsmod |", {})));
}

TEST_CASE("command substitution")
{
    auto parsed = parse(R"sh(ls /lib/modules/$(uname -r) "`echo a b`" $(echo "(x)"))sh");
    REQUIRE(parsed.substitutions.size() == 3);
    CHECK(parsed.substitutions[0] == "uname -r");
    CHECK(parsed.substitutions[1] == "echo a b");
    CHECK(parsed.substitutions[2] == "echo \"(x)\"");
    const auto& words = first(parsed).words;
    CHECK(words[1].parts == std::vector<WordPart> {Literal {"/lib/modules/"}, Substitution {0, false}});
    CHECK(words[2].parts == std::vector<WordPart> {Substitution {1, true}});
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo $(uname", {})));
}

TEST_CASE("redirections")
{
    auto parsed = parse("dmesg > out.txt 2>&1");
    const auto& r = first(parsed).redirections;
    REQUIRE(r.size() == 2);
    CHECK(r[0].target.literal() == "out.txt");
    CHECK(r[0].kind == RedirectKind::Write);
    CHECK(r[1].fd == 2);
    CHECK(r[1].kind == RedirectKind::Duplicate);
    CHECK(r[1].target.literal() == "1");
    CHECK(first(parse("echo x >>log")).redirections[0].kind == RedirectKind::Append);
    auto held = first(parse("exec 3<>/dev/chardev 4>&- <in"));
    CHECK(held.redirections[0].fd == 3);
    CHECK(held.redirections[0].kind == RedirectKind::ReadWrite);
    CHECK(held.redirections[1].kind == RedirectKind::Close);
    CHECK(held.redirections[2].fd == 0);
    CHECK(held.redirections[2].kind == RedirectKind::Read);
    auto both = first(parse("cat x &>log")).redirections;
    REQUIRE(both.size() == 2);
    CHECK(both[1].fd == 2);
}

TEST_CASE("syntax errors")
{
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo 'open", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("&& echo", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo >", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo a &&", {})));
}

TEST_CASE("bytes a user can type are text, never expansions")
{
    std::string line = "echo a\x01\x02"
                       "0\x03\x04\x05b '\x01'";
    auto parsed = parse(line);
    CHECK(texts(first(parsed))
        == std::vector<std::string> {"echo",
            "a\x01\x02"
            "0\x03\x04\x05b",
            "\x01"});
    CHECK(parsed.substitutions.empty());
    std::string binary;
    for (int c = 1; c < 256; ++c)
        if (std::string_view("'\"`\\$;&|<>").find(static_cast<char>(c)) == std::string_view::npos)
            binary += static_cast<char>(c);
    auto garbage = parse_line(binary, {});
    REQUIRE(std::holds_alternative<ParsedLine>(garbage));
    for (const ListItem& item : std::get<ParsedLine>(garbage).items)
        for (const SimpleCommand& command : item.pipeline.commands)
            for (const Word& word : command.words)
                CHECK(word.is_literal());
}

TEST_CASE("redirection targets keep the text typed, for messages")
{
    auto r = first(parse("echo x >$(echo a b) 2>&99999999999")).redirections;
    REQUIRE(r.size() == 2);
    CHECK(r[0].typed == "$(echo a b)");
    CHECK(r[0].target.parts == std::vector<WordPart> {Substitution {0, false}});
    CHECK(r[1].kind == RedirectKind::Duplicate);
    CHECK(r[1].typed == "99999999999");
}

TEST_CASE("deeply nested substitutions parse without recursion")
{
    std::string line = "echo ";
    for (int i = 0; i < 100000; ++i)
        line += "$(";
    line += "echo x";
    for (int i = 0; i < 100000; ++i)
        line += ")";
    auto parsed = parse(line);
    REQUIRE(parsed.substitutions.size() == 1);
    CHECK(parsed.substitutions[0].size() == line.size() - std::string("echo $()").size());
}
