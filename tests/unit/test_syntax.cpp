// The shell's grammar: lists, quotes, comments, redirections and expansions.
#include <doctest/doctest.h>

#include "shell/syntax.h"

using namespace ksim::shell;

namespace {
std::vector<ListItem> parse(const std::string& line)
{
    auto result = parse_line(line, Expansions {42});
    REQUIRE(std::holds_alternative<std::vector<ListItem>>(result));
    return std::get<std::vector<ListItem>>(result);
}
} // namespace

TEST_CASE("quote removal as sh does it")
{
    auto items = parse(R"(insmod hello-5.ko 'mystring="two words"' a="b c"d \$x)");
    REQUIRE(items.size() == 1);
    CHECK(items[0].command.words
        == std::vector<std::string> {"insmod", "hello-5.ko", "mystring=\"two words\"", "a=b cd", "$x"});
}

TEST_CASE("lists, comments and $?")
{
    auto items = parse("false && echo a || echo $? ; echo '#' # comment");
    REQUIRE(items.size() == 4);
    CHECK(items[1].before == Connector::And);
    CHECK(items[2].before == Connector::Or);
    CHECK(items[2].command.words[1] == std::string(1, status_marker));
    CHECK(items[3].command.words == std::vector<std::string> {"echo", "#"});
    CHECK(parse("echo $$")[0].command.words[1] == "42");
}

TEST_CASE("redirections")
{
    auto items = parse("dmesg > out.txt 2>&1");
    REQUIRE(items[0].command.redirections.size() == 2);
    CHECK(items[0].command.redirections[0].target == "out.txt");
    CHECK(items[0].command.redirections[1].fd == 2);
    CHECK(items[0].command.redirections[1].target == "&1");
    CHECK(parse("echo x >>log")[0].command.redirections[0].append);
}

TEST_CASE("syntax errors")
{
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo 'open", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("&& echo", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo >", {})));
    CHECK(std::holds_alternative<SyntaxError>(parse_line("echo a &&", {})));
}
