// What the checked process may tell the checker: requests in, raw observations out, never a verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ksim::lessons {

// One thing for the checked process to do in its kernel, then report on.
struct Request {
    std::string shell_line; // run through the shell as the learner would ("" for none)
    bool as_root = false;
    std::optional<unsigned> fail_kmalloc; // make the nth kmalloc from now fail
};

struct ObservedRecord {
    uint64_t seq = 0;
    int level = 0;
    std::string text;
};

// What the kernel looked like after a request: facts only, so the checker
// (which runs no module code) decides alone what they mean.
struct Observation {
    int status = 0; // of shell_line
    std::string out, err;
    std::vector<ObservedRecord> log; // records printed since the previous observation
    unsigned oopses = 0;
    bool module_loaded = false; // the lesson's module
    bool module_without_exit = false; // loaded, with no exit function: Linux refuses to unload it
    unsigned long taint = 0;
};

// A frame is "KSIM" + 16 hex digits of the request's nonce + 8 hex digits of
// the payload's length + '\n' + a JSON payload. The checker picks a fresh
// random nonce for every request; a reply must echo it, so bytes a module
// writes into the channel without knowing it never pass for a reply.
constexpr size_t frame_header_size = 4 + 16 + 8 + 1;
constexpr size_t frame_payload_limit = size_t {64} << 20;

std::string encode_request(const Request& request, uint64_t nonce);
std::string encode_observation(const Observation& observation, uint64_t nonce);

// The payload's length, if header is a well-formed header for nonce.
std::optional<size_t> frame_length(const std::string& header, std::optional<uint64_t> nonce);
// The nonce a header carries (the checked process learns it from a request).
std::optional<uint64_t> frame_nonce(const std::string& header);

struct Malformed {
    std::string why;
};
std::variant<Request, Malformed> decode_request(const std::string& payload);
// Strict: any missing field, wrong type or unknown key makes the whole observation malformed.
std::variant<Observation, Malformed> decode_observation(const std::string& payload);

} // namespace ksim::lessons
