// modpost's Module.symvers reading and writing, in Linux's format.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "sdk/scripts/mod/symvers.h"

using namespace ksim::modpost;

TEST_CASE("Module.symvers lines round-trip in Linux's tab-separated format")
{
    std::vector<SymversEntry> entries = {
        {0x1234abcd, "provider_add", "/home/u/provider/provider", false, ""},
        {0, "provider_gpl_only", "/home/u/provider/provider", true, "MY_NS"},
    };
    std::string text = format_symvers(entries);
    CHECK(text
        == "0x1234abcd\tprovider_add\t/home/u/provider/provider\tEXPORT_SYMBOL\t\n"
           "0x00000000\tprovider_gpl_only\t/home/u/provider/provider\tEXPORT_SYMBOL_GPL\tMY_NS\n");

    std::string path = "test_symvers.tmp";
    std::ofstream(path) << text << "garbage line\n";
    std::string bad_line;
    auto read = read_symvers(path, bad_line);
    std::remove(path.c_str());
    REQUIRE(read);
    REQUIRE(read->size() == 2);
    CHECK((*read)[0].crc == 0x1234abcd);
    CHECK((*read)[1].gpl_only);
    CHECK((*read)[1].name_space == "MY_NS");
    CHECK(bad_line == "garbage line");
}

TEST_CASE("a missing Module.symvers is reported, not read as empty")
{
    std::string bad_line;
    CHECK_FALSE(read_symvers("/nonexistent/Module.symvers", bad_line));
}
