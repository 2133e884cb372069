// Check reports (see report.h).
#include "shell/lessons/report.h"

#include <algorithm>

namespace ksim::lessons {

namespace {

std::string indent(const std::string& text, const std::string& prefix)
{
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        out += prefix + text.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

std::string xml_escape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Expected, seen, hint and report, each labelled; a value's later lines
// line up under its first.
std::string details(const CheckResult& r)
{
    auto field = [](const std::string& label, std::string value) {
        while (!value.empty() && value.back() == '\n')
            value.pop_back();
        std::string first = value.substr(0, value.find('\n'));
        std::string rest = value.size() > first.size() ? value.substr(first.size() + 1) : "";
        return label + first + "\n" + indent(rest, std::string(label.size(), ' '));
    };
    std::string text;
    if (!r.expected.empty())
        text += field("expected: ", r.expected);
    if (!r.seen.empty())
        text += field("seen:     ", r.seen);
    if (!r.parameters.empty())
        text += field("with:     ", r.parameters);
    if (!r.hint.empty())
        text += field("hint:     ", r.hint);
    if (!r.report.empty())
        text += "report:\n" + indent(r.report, "  ");
    return text;
}

size_t passed_count(const std::vector<CheckResult>& results)
{
    return static_cast<size_t>(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.passed; }));
}

} // namespace

bool parse_report_format(const std::string& text, ReportFormat& format)
{
    if (text == "human")
        format = ReportFormat::Human;
    else if (text == "json")
        format = ReportFormat::Json;
    else if (text == "junit")
        format = ReportFormat::Junit;
    else if (text == "tap")
        format = ReportFormat::Tap;
    else
        return false;
    return true;
}

void write_report(std::ostream& out, ReportFormat format, const Lesson& lesson, const std::string& subject,
    const std::vector<CheckResult>& results)
{
    size_t passed = passed_count(results);
    switch (format) {
    case ReportFormat::Human:
        out << "Lesson " << lesson.name << ": " << lesson.title << "\nChecking " << subject << "\n\n";
        for (const CheckResult& r : results) {
            out << (r.passed ? "  \u2713 " : "  \u2717 ") << r.title << "\n";
            if (!r.passed)
                out << indent(details(r), "      ");
        }
        out << "\n" << passed << " of " << results.size() << " checks passed.\n";
        break;
    case ReportFormat::Json: {
        nlohmann::json json = {{"lesson", lesson.name}, {"title", lesson.title}, {"subject", subject},
            {"passed", passed}, {"total", results.size()}, {"checks", nlohmann::json::array()}};
        for (const CheckResult& r : results)
            json["checks"].push_back(to_json(r));
        out << json.dump(2) << "\n";
        break;
    }
    case ReportFormat::Junit:
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" << xml_escape(lesson.name)
            << "\" tests=\"" << results.size() << "\" failures=\"" << results.size() - passed << "\">\n";
        for (const CheckResult& r : results) {
            out << "  <testcase classname=\"" << xml_escape(lesson.name) << "\" name=\"" << xml_escape(r.id) << ": "
                << xml_escape(r.title) << "\"";
            if (r.passed) {
                out << "/>\n";
                continue;
            }
            out << ">\n    <failure message=\"" << xml_escape(r.expected) << "\">" << xml_escape(details(r))
                << "</failure>\n  </testcase>\n";
        }
        out << "</testsuite>\n";
        break;
    case ReportFormat::Tap:
        out << "TAP version 13\n1.." << results.size() << "\n";
        for (size_t i = 0; i < results.size(); ++i) {
            const CheckResult& r = results[i];
            out << (r.passed ? "ok " : "not ok ") << i + 1 << " - " << r.id << ": " << r.title << "\n";
            if (r.passed)
                continue;
            // A YAML block; JSON strings are valid YAML scalars.
            out << "  ---\n";
            for (auto [key, value] : {std::pair {"expected", &r.expected}, {"seen", &r.seen},
                     {"parameters", &r.parameters}, {"hint", &r.hint}, {"report", &r.report}})
                if (!value->empty())
                    out << "  " << key << ": " << nlohmann::json(*value).dump() << "\n";
            out << "  ...\n";
        }
        break;
    }
}

} // namespace ksim::lessons
