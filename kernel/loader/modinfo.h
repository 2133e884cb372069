// The tags of a module's .modinfo section, with lookups the loader and modinfo need.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ksim {

class ModInfo {
public:
    ModInfo() = default;
    explicit ModInfo(const std::vector<std::string>& strings);

    // The first value of a tag (Linux's get_modinfo), if present.
    std::optional<std::string> get(std::string_view key) const;
    std::vector<std::string> get_all(std::string_view key) const;
    const std::vector<std::pair<std::string, std::string>>& entries() const { return m_entries; }

private:
    std::vector<std::pair<std::string, std::string>> m_entries;
};

// Linux's license_is_gpl_compatible(): exact, case-sensitive names.
bool license_is_gpl_compatible(std::string_view license);

// "my-drv.ko" -> "my_drv": the module name of a file or of a name as typed
// to rmmod/modinfo (kmod stops at the first dot and maps '-' to '_').
std::string module_name_from(std::string_view path_or_name);

} // namespace ksim
