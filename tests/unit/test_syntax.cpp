// The shell's grammar: lists, pipelines, quotes, comments, redirections and expansions.
#include <doctest/doctest.h>

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
} // namespace

TEST_CASE("quote removal as sh does it")
{
    auto parsed = parse(R"(insmod hello-5.ko 'mystring="two words"' a="b c"d \$x)");
    REQUIRE(parsed.items.size() == 1);
    CHECK(first(parsed).words
        == std::vector<std::string> {"insmod", "hello-5.ko", "mystring=\"two words\"", "a=b cd", "$x"});
}

TEST_CASE("lists, comments and $?")
{
    auto parsed = parse("false && echo a || echo $? ; echo '#' # comment");
    REQUIRE(parsed.items.size() == 4);
    CHECK(parsed.items[1].before == Connector::And);
    CHECK(parsed.items[2].before == Connector::Or);
    CHECK(first(parsed, 2).words[1] == std::string(1, status_marker));
    CHECK(first(parsed, 3).words == std::vector<std::string> {"echo", "#"});
    CHECK(first(parse("echo $$")).words[1] == "42");
}

TEST_CASE("pipelines")
{
    auto parsed = parse("lsmod | grep hello | wc -l && echo ok");
    REQUIRE(parsed.items.size() == 2);
    REQUIRE(parsed.items[0].pipeline.commands.size() == 3);
    CHECK(first(parsed, 0, 1).words == std::vector<std::string> {"grep", "hello"});
    CHECK(first(parsed, 0, 2).words == std::vector<std::string> {"wc", "-l"});
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
    CHECK(words[1] == std::string("/lib/modules/") + substitution_start + "0" + substitution_end);
    CHECK(words[2] == std::string(1, quoted_substitution_start) + "1" + substitution_end);
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo $(uname", {})));
}

TEST_CASE("redirections")
{
    auto parsed = parse("dmesg > out.txt 2>&1");
    const auto& r = first(parsed).redirections;
    REQUIRE(r.size() == 2);
    CHECK(r[0].target == "out.txt");
    CHECK(r[0].kind == RedirectKind::Write);
    CHECK(r[1].fd == 2);
    CHECK(r[1].kind == RedirectKind::Duplicate);
    CHECK(r[1].target == "1");
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
