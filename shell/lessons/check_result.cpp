// CheckResult to and from JSON: how a check's process hands its result back.
#include "shell/lessons/check_result.h"

namespace ksim::lessons {

nlohmann::json to_json(const CheckResult& r)
{
    nlohmann::json json = {{"id", r.id}, {"title", r.title}, {"passed", r.passed}};
    for (auto [key, value] : {std::pair {"expected", &r.expected}, {"seen", &r.seen}, {"hint", &r.hint},
             {"report", &r.report}, {"parameters", &r.parameters}})
        if (!value->empty())
            json[key] = *value;
    return json;
}

CheckResult check_result_from_json(const nlohmann::json& json)
{
    CheckResult r;
    r.id = json.value("id", "");
    r.title = json.value("title", "");
    r.passed = json.value("passed", false);
    r.expected = json.value("expected", "");
    r.seen = json.value("seen", "");
    r.hint = json.value("hint", "");
    r.report = json.value("report", "");
    r.parameters = json.value("parameters", "");
    return r;
}

} // namespace ksim::lessons
