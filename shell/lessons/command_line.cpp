// Parsing the lesson commands' arguments (see command_line.h).
#include "shell/lessons/command_line.h"

#include <iostream>

namespace po = boost::program_options;

namespace ksim::lessons {

std::optional<ParsedArguments> parse_arguments(
    const std::vector<std::string>& args, po::options_description options, const std::string& command)
{
    options.add_options()("operands", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("operands", -1);
    ParsedArguments parsed;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), parsed.options);
    } catch (const po::error& e) {
        std::cerr << "ksim " << command << ": " << e.what() << "\n";
        return std::nullopt;
    }
    if (parsed.options.count("operands"))
        parsed.operands = parsed.options["operands"].as<std::vector<std::string>>();
    return parsed;
}

} // namespace ksim::lessons
