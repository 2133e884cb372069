// Fuzzes the shell's grammar and word expansion with every line a user could
// type or a script could hold. Command substitutions are parsed as the shell
// would run them, nested, but nothing is executed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "shell/syntax.h"

namespace {

void parse_and_expand(const std::string& line, int depth)
{
    auto parsed = ksim::shell::parse_line(line, {1234});
    const auto* program = std::get_if<ksim::shell::ParsedLine>(&parsed);
    if (!program)
        return;
    // A substitution's "output" is its own text, re-parsed one level down as the shell's child would.
    auto substitute = [&](size_t index) {
        const std::string& body = program->substitutions.at(index);
        if (depth < 8)
            parse_and_expand(body, depth + 1);
        return body;
    };
    for (const auto& item : program->items) {
        for (const auto& command : item.pipeline.commands) {
            ksim::shell::expand_words(command.words, 1, substitute);
            for (const auto& redirection : command.redirections)
                ksim::shell::expand_words({redirection.target}, 1, substitute);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    parse_and_expand(std::string(reinterpret_cast<const char*>(data), size), 0);
    return 0;
}
