// The checker's channel: only a well-formed reply to the request just sent counts as an observation.
#include <doctest/doctest.h>

#include "shell/lessons/observation.h"

using namespace ksim::lessons;

namespace {

Observation sample()
{
    Observation o;
    o.status = 1;
    o.out = "hello\n";
    o.err = "insmod: ERROR: could not insert module hello.ko: Invalid parameters\n";
    o.log = {{2, 6, "Hello, world"}};
    o.oopses = 0;
    o.module_loaded = true;
    o.module_without_exit = true;
    o.taint = 0x3000;
    return o;
}

// Splits a frame into its header and payload, as the checker reads it.
std::pair<std::string, std::string> split(const std::string& frame)
{
    return {frame.substr(0, frame_header_size), frame.substr(frame_header_size)};
}

} // namespace

TEST_CASE("an observation goes through the channel unchanged")
{
    auto [header, payload] = split(encode_observation(sample(), 0x1234abcd5678ef90));
    REQUIRE(frame_length(header, 0x1234abcd5678ef90) == payload.size());
    auto decoded = decode_observation(payload);
    REQUIRE(std::holds_alternative<Observation>(decoded));
    const Observation& o = std::get<Observation>(decoded);
    CHECK(o.status == 1);
    CHECK(o.out == "hello\n");
    CHECK(o.err == sample().err);
    REQUIRE(o.log.size() == 1);
    CHECK(o.log[0].seq == 2);
    CHECK(o.log[0].level == 6);
    CHECK(o.log[0].text == "Hello, world");
    CHECK(o.module_loaded);
    CHECK(o.module_without_exit);
    CHECK(o.taint == 0x3000);
}

TEST_CASE("a reply must echo the request's nonce")
{
    auto [header, payload] = split(encode_observation(sample(), 7));
    CHECK_FALSE(frame_length(header, 8).has_value());
    CHECK(frame_nonce(header) == 7U);
}

TEST_CASE("junk is no frame")
{
    for (std::string junk : {std::string(frame_header_size, 'x'), std::string("{\"passed\": true}\n"),
             std::string("KSIM0000000000000007zzzzzzzz\n"), std::string("KSIM000000000000000700000010"),
             std::string("KSIM0000000000000007ffffffff\n")})
        CHECK_FALSE(frame_length(junk.substr(0, frame_header_size), 7).has_value());
}

TEST_CASE("a payload that is not exactly an observation is malformed")
{
    for (std::string payload :
        {
            std::string(R"({"id":"greets","passed":true})"),
            std::string("not json"),
            std::string(
                R"({"status":0,"out":"","err":"","log":[],"oopses":0,"loaded":true,"no_exit":false,"taint":0,"passed":true})"),
            std::string(
                R"({"status":"0","out":"","err":"","log":[],"oopses":0,"loaded":true,"no_exit":false,"taint":0})"),
            std::string(
                R"({"status":0,"out":"","err":"","log":[[2,6]],"oopses":0,"loaded":true,"no_exit":false,"taint":0})"),
            std::string(
                R"({"status":0,"out":"","err":"","log":[[2,9,"x"]],"oopses":0,"loaded":true,"no_exit":false,"taint":0})"),
            std::string(
                R"({"status":0,"out":"","err":"","log":[],"oopses":-1,"loaded":true,"no_exit":false,"taint":0})"),
            std::string(
                R"({"status":300,"out":"","err":"","log":[],"oopses":0,"loaded":true,"no_exit":false,"taint":0})"),
            std::string(R"({"status":0,"out":"","err":"","log":[],"oopses":0,"loaded":true,"no_exit":false})"),
        })
        CHECK(std::holds_alternative<Malformed>(decode_observation(payload)));
}

TEST_CASE("what a module prints stays text inside the frame")
{
    Observation o = sample();
    std::string forged = encode_observation(sample(), 7);
    o.out = forged + "\xff\xfe not UTF-8";
    o.log = {{3, 6, forged}};
    auto [header, payload] = split(encode_observation(o, 9));
    REQUIRE(frame_length(header, 9) == payload.size());
    auto decoded = decode_observation(payload);
    REQUIRE(std::holds_alternative<Observation>(decoded));
    CHECK(std::get<Observation>(decoded).log.at(0).text == forged);
    CHECK(std::get<Observation>(decoded).out.starts_with(forged));
}

TEST_CASE("a request goes through the channel unchanged")
{
    auto [header, payload] = split(encode_request(Request {"sudo insmod hello.ko", true, 3}, 5));
    REQUIRE(frame_length(header, 5) == payload.size());
    auto decoded = decode_request(payload);
    REQUIRE(std::holds_alternative<Request>(decoded));
    CHECK(std::get<Request>(decoded).shell_line == "sudo insmod hello.ko");
    CHECK(std::get<Request>(decoded).as_root);
    CHECK(std::get<Request>(decoded).fail_kmalloc == 3U);
}
