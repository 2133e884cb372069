// Linux's modpost section-mismatch check: code that stays after init must not
// refer to what init leaves behind (.init.text, .init.data, .init.rodata),
// since the kernel frees those sections once the module's init returns.
#pragma once

#include <string>
#include <vector>

namespace ksim::modpost {

// One report per reference, each in Linux 6.1's words: the "Section mismatch
// in reference from the function X() to the variable .init.data:Y" line
// (without modpost's "WARNING: modpost: " prefix) and the lines that explain
// it. Checked, as by Linux, from .text and .text.* (TEXT_TO_ANY_INIT) and from
// .exit.* (ANY_EXIT_TO_ANY_INIT); ksim does not check data (DATA_TO_ANY_INIT),
// whose whitelist of names Linux keeps for drivers' templates.
std::vector<std::string> section_mismatches(const std::string& object_path);

} // namespace ksim::modpost
