// The check report: for people (✓/✗ with expected, seen and hint) and for graders (JSON, JUnit XML, TAP).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "shell/lessons/check_result.h"
#include "shell/lessons/lesson.h"

namespace ksim::lessons {

enum class ReportFormat { Human, Json, Junit, Tap };

// "human", "json", "junit", "tap"; false for anything else.
bool parse_report_format(const std::string& text, ReportFormat& format);

void write_report(std::ostream& out, ReportFormat format, const Lesson& lesson, const std::string& subject,
    const std::vector<CheckResult>& results);

} // namespace ksim::lessons
