// CheckResult as JSON, for the JSON report.
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

} // namespace ksim::lessons
