// The checker's channel (see observation.h).
#include "shell/lessons/observation.h"

#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

namespace ksim::lessons {

namespace {

constexpr std::string_view magic = "KSIM";

std::string frame(const nlohmann::json& payload, uint64_t nonce)
{
    std::string body = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    char header[frame_header_size + 1];
    std::snprintf(header, sizeof header, "KSIM%016llx%08zx\n", static_cast<unsigned long long>(nonce), body.size());
    return std::string(header, frame_header_size) + body;
}

std::optional<uint64_t> hex(std::string_view digits)
{
    uint64_t value = 0;
    for (char c : digits) {
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0)
            return std::nullopt;
        value = value << 4 | static_cast<uint64_t>(digit);
    }
    return value;
}

// The object's keys are exactly `keys`.
bool has_exactly(const nlohmann::json& object, const std::set<std::string>& keys)
{
    if (!object.is_object() || object.size() != keys.size())
        return false;
    for (const auto& [key, value] : object.items())
        if (!keys.contains(key))
            return false;
    return true;
}

} // namespace

std::string encode_request(const Request& request, uint64_t nonce)
{
    nlohmann::json json = {{"shell", request.shell_line}, {"as_root", request.as_root}};
    if (request.fail_kmalloc)
        json["fail_kmalloc"] = *request.fail_kmalloc;
    return frame(json, nonce);
}

std::string encode_observation(const Observation& o, uint64_t nonce)
{
    nlohmann::json log = nlohmann::json::array();
    for (const ObservedRecord& r : o.log)
        log.push_back(nlohmann::json::array({r.seq, r.level, r.text}));
    return frame({{"status", o.status}, {"out", o.out}, {"err", o.err}, {"log", log}, {"oopses", o.oopses},
                     {"loaded", o.module_loaded}, {"no_exit", o.module_without_exit}, {"taint", o.taint}},
        nonce);
}

std::optional<uint64_t> frame_nonce(const std::string& header)
{
    if (header.size() != frame_header_size || !header.starts_with(magic) || header.back() != '\n')
        return std::nullopt;
    return hex(std::string_view(header).substr(magic.size(), 16));
}

std::optional<size_t> frame_length(const std::string& header, std::optional<uint64_t> nonce)
{
    auto carried = frame_nonce(header);
    if (!carried || (nonce && *carried != *nonce))
        return std::nullopt;
    auto length = hex(std::string_view(header).substr(magic.size() + 16, 8));
    if (!length || *length > frame_payload_limit)
        return std::nullopt;
    return static_cast<size_t>(*length);
}

std::variant<Request, Malformed> decode_request(const std::string& payload)
{
    nlohmann::json json = nlohmann::json::parse(payload, nullptr, false);
    if (!json.is_object() || !json.contains("shell") || !json["shell"].is_string() || !json.contains("as_root")
        || !json["as_root"].is_boolean())
        return Malformed {"not a request"};
    Request request {json["shell"].get<std::string>(), json["as_root"].get<bool>(), std::nullopt};
    if (json.contains("fail_kmalloc")) {
        if (!json["fail_kmalloc"].is_number_unsigned())
            return Malformed {"fail_kmalloc is not a count"};
        request.fail_kmalloc = json["fail_kmalloc"].get<unsigned>();
    }
    return request;
}

std::variant<Observation, Malformed> decode_observation(const std::string& payload)
{
    nlohmann::json json = nlohmann::json::parse(payload, nullptr, false);
    if (!has_exactly(json, {"status", "out", "err", "log", "oopses", "loaded", "no_exit", "taint"}))
        return Malformed {"not an observation"};
    if (!json["status"].is_number_integer() || !json["out"].is_string() || !json["err"].is_string()
        || !json["log"].is_array() || !json["oopses"].is_number_unsigned() || !json["loaded"].is_boolean()
        || !json["no_exit"].is_boolean() || !json["taint"].is_number_unsigned())
        return Malformed {"a field has the wrong type"};
    Observation o;
    o.status = json["status"].get<int>();
    if (o.status < 0 || o.status > 255)
        return Malformed {"an exit status out of range"};
    o.out = json["out"].get<std::string>();
    o.err = json["err"].get<std::string>();
    o.oopses = json["oopses"].get<unsigned>();
    o.module_loaded = json["loaded"].get<bool>();
    o.module_without_exit = json["no_exit"].get<bool>();
    o.taint = json["taint"].get<unsigned long>();
    for (const nlohmann::json& r : json["log"]) {
        if (!r.is_array() || r.size() != 3 || !r[0].is_number_unsigned() || !r[1].is_number_unsigned()
            || !r[2].is_string() || r[1].get<unsigned>() > 7)
            return Malformed {"a log record is not (seq, level, text)"};
        o.log.push_back({r[0].get<uint64_t>(), r[1].get<int>(), r[2].get<std::string>()});
    }
    return o;
}

} // namespace ksim::lessons
