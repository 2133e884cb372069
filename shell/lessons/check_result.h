// What one check found, as every report format shows it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ksim::lessons {

struct CheckResult {
    std::string id;
    std::string title;
    bool passed = false;
    std::string expected; // for a failure: what the check wanted...
    std::string seen; // ...and what it got
    std::string hint;
    std::string report; // an Oops, a leak list or a compiler's output
    std::string parameters; // randomised insmod parameters, "myint=517"
};

nlohmann::json to_json(const CheckResult& result);

} // namespace ksim::lessons
