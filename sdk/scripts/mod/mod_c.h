// The <module>.mod.c that modpost writes next to each module object.
#pragma once

#include <string>
#include <vector>

namespace ksim::modpost {

// The source text: the modules this one depends on, for .modinfo "depends=".
std::string mod_c_text(const std::string& module_path, const std::vector<std::string>& depends);

// Writes the file only when its text changes, so make does not rebuild
// modules whose metadata stayed the same. Returns false on a write error.
bool write_if_changed(const std::string& path, const std::string& text);

} // namespace ksim::modpost
