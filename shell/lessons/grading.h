// `ksim grade`: a class's submissions, each checked in a sandbox of its own, several at a time.
#pragma once

#include <string>
#include <vector>

namespace ksim::lessons {

int grade_command(const std::vector<std::string>& args);

} // namespace ksim::lessons
