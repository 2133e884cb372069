// Making a module's exports visible to other modules: modules are compiled
// with hidden visibility, and modpost gives default visibility to exactly the
// symbols that EXPORT_SYMBOL's __ksymtab entries point to, in <module>.o.
#pragma once

#include <optional>
#include <string>

namespace ksim::modpost {

// Rewrites the object in place when a symbol changes (keeping its
// modification time, so the build does not see it as new); the error is the
// message modpost prints.
std::optional<std::string> make_exports_visible(const std::string& path);

} // namespace ksim::modpost
