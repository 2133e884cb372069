// depmod's dependency order and modprobe.d parsing, as kmod does them.
#include <doctest/doctest.h>

#include <fstream>

#include "shell/kmod/binary_index.h"
#include "shell/kmod/depmod_index.h"
#include "shell/kmod/modprobe_config.h"

using namespace ksim::shell::kmod;

namespace {

ModuleFile module(std::string name, std::vector<std::string> exports, std::vector<std::string> needed)
{
    return ModuleFile {"extra/" + name + ".ko", name, {}, std::move(exports), std::move(needed)};
}

std::string file(const DepmodResult& result, const std::string& name)
{
    for (const auto& [n, text] : result.files)
        if (n == name)
            return text;
    return "<missing>";
}

} // namespace

TEST_CASE("modules.dep lists every dependency, nearest first")
{
    // top needs mid and base; mid needs base.
    std::vector<ModuleFile> modules = {
        module("base", {"base_fn"}, {"_printk"}),
        module("mid", {"mid_fn"}, {"base_fn"}),
        module("top", {}, {"mid_fn", "base_fn"}),
    };
    DepmodResult result = build_depmod_indexes(modules, {"_printk"}, true);
    CHECK(result.warnings.empty());
    CHECK(file(result, "modules.dep")
        == "extra/base.ko:\nextra/mid.ko: extra/base.ko\nextra/top.ko: extra/mid.ko extra/base.ko\n");
    CHECK(file(result, "modules.symbols")
        == "# Aliases for symbols, used by symbol_request().\nalias symbol:base_fn base\nalias symbol:mid_fn mid\n");
}

TEST_CASE("depmod -e warns about symbols nobody exports; cycles are errors")
{
    DepmodResult unknown = build_depmod_indexes({module("lonely", {}, {"printf"})}, {}, true);
    REQUIRE(unknown.warnings.size() == 1);
    CHECK(unknown.warnings[0] == "extra/lonely.ko needs unknown symbol printf");

    DepmodResult cycle
        = build_depmod_indexes({module("a", {"a_fn"}, {"b_fn"}), module("b", {"b_fn"}, {"a_fn"})}, {}, false);
    CHECK(cycle.files.empty());
    REQUIRE(cycle.errors.size() == 2);
    CHECK(cycle.errors[0] == "Found 2 modules in dependency cycles!");
    CHECK(cycle.errors[1] == "Cycle detected: a -> b -> a");
}

TEST_CASE("modprobe.d lines: options add up, '-' is '_', bad lines are reported")
{
    std::string path = "test_modprobe.conf.tmp";
    std::ofstream(path) << "# comment\noptions my-mod a=1\noptions my_mod b=2\nalias greet* my-mod\n"
                           "softdep my_mod pre: base\nblacklist evil\ninstall x /bin/true\n";
    ModprobeConfig config = read_modprobe_config({path}, [](const std::filesystem::path& p) { return p.string(); });
    std::remove(path.c_str());
    CHECK(config.options_of("my-mod") == "a=1 b=2");
    REQUIRE(config.aliases.size() == 1);
    CHECK(config.aliases[0] == std::pair<std::string, std::string>("greet*", "my_mod"));
    CHECK(config.softdeps.at("my_mod") == "pre: base");
    CHECK(config.blacklist.contains("evil"));
    REQUIRE(config.warnings.size() == 1);
    CHECK(config.warnings[0] == path + " line 7: ignoring bad line starting with 'install'");
}

TEST_CASE("kmod's binary index: a trie written children first, big-endian")
{
    ksim::shell::kmod::BinaryIndex index;
    index.insert("a", "x", 0);
    const std::string expected("\xb0\x07\xf4\x57\x00\x02\x00\x01\x20\x00\x00\x16"
                               "\x00\x00\x00\x01\x00\x00\x00\x00x\0"
                               "aa\x40\x00\x00\x0c",
        28);
    CHECK(index.serialize() == expected);
    CHECK(ksim::shell::kmod::BinaryIndex().serialize()
        == std::string("\xb0\x07\xf4\x57\x00\x02\x00\x01\x00\x00\x00\x0c", 12));
    CHECK(ksim::shell::kmod::alias_key("pci:v-1[a-b]d-2") == "pci:v_1[a-b]d_2");
}
