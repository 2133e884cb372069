// Options and operands of the lesson commands, parsed with Boost.Program_options.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ksim::lessons {

struct ParsedArguments {
    boost::program_options::variables_map options;
    std::vector<std::string> operands;
};

// Parses `args` against `options`, every other word being an operand;
// nothing (after "ksim COMMAND: what is wrong" on stderr) when they do not fit.
std::optional<ParsedArguments> parse_arguments(const std::vector<std::string>& args,
    boost::program_options::options_description options, const std::string& command);

} // namespace ksim::lessons
