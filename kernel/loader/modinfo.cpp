// The tags of a module's .modinfo section (see modinfo.h).
#include "loader/modinfo.h"

#include <array>

namespace ksim {

ModInfo::ModInfo(const std::vector<std::string>& strings)
{
    for (const std::string& s : strings) {
        size_t eq = s.find('=');
        if (eq == std::string::npos)
            m_entries.emplace_back(s, "");
        else
            m_entries.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
}

std::optional<std::string> ModInfo::get(std::string_view key) const
{
    for (const auto& [k, v] : m_entries)
        if (k == key)
            return v;
    return std::nullopt;
}

std::vector<std::string> ModInfo::get_all(std::string_view key) const
{
    std::vector<std::string> values;
    for (const auto& [k, v] : m_entries)
        if (k == key)
            values.push_back(v);
    return values;
}

bool license_is_gpl_compatible(std::string_view license)
{
    static constexpr std::array<std::string_view, 6> compatible = {
        "GPL",
        "GPL v2",
        "GPL and additional rights",
        "Dual BSD/GPL",
        "Dual MIT/GPL",
        "Dual MPL/GPL",
    };
    for (std::string_view name : compatible)
        if (license == name)
            return true;
    return false;
}

std::string module_name_from(std::string_view path_or_name)
{
    size_t slash = path_or_name.rfind('/');
    if (slash != std::string_view::npos)
        path_or_name.remove_prefix(slash + 1);
    std::string name;
    for (char c : path_or_name) {
        if (c == '.')
            break;
        name += c == '-' ? '_' : c;
    }
    return name;
}

} // namespace ksim
