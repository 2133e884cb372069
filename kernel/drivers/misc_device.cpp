// Misc devices (see misc_device.h).
#include "drivers/misc_device.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace ksim {

namespace {
constexpr int dynamic_minors = 128; // Linux 6.1 hands out 127 downward
}

ErrorOr<void> MiscDevices::add(struct miscdevice* device, OwnerId owner)
{
    auto in_use = [this](int minor) {
        return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.minor == minor; });
    };
    int minor = device->minor;
    if (minor == misc_dynamic_minor) {
        minor = -1;
        for (int candidate = dynamic_minors - 1; candidate >= 0; --candidate)
            if (!in_use(candidate)) {
                minor = candidate;
                break;
            }
        if (minor < 0)
            return Errno {EBUSY};
    } else if (in_use(minor)) {
        return Errno {EBUSY};
    }
    device->minor = minor;
    m_entries.insert(m_entries.begin(), {device, minor, device->name ? device->name : "", owner});
    return {};
}

bool MiscDevices::remove(const struct miscdevice* device)
{
    return std::erase_if(m_entries, [&](const Entry& e) { return e.device == device && !e.stale; }) > 0;
}

MiscDevices::Found MiscDevices::find(unsigned minor) const
{
    for (const Entry& e : m_entries)
        if (static_cast<unsigned>(e.minor) == minor)
            return {e.device, e.stale};
    return {};
}

std::string MiscDevices::proc_misc() const
{
    std::string out;
    for (const Entry& e : m_entries) {
        char line[96];
        std::snprintf(line, sizeof line, "%3i %s\n", e.minor, e.name.c_str());
        out += line;
    }
    return out;
}

std::vector<std::string> MiscDevices::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    for (Entry& e : m_entries)
        if (e.owner == owner && !e.stale) {
            e.stale = true;
            found.push_back("misc device \"" + e.name + "\" (minor " + std::to_string(e.minor) + ")");
        }
    return found;
}

} // namespace ksim
