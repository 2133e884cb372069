// Char device numbers (see char_dev.h).
#include "drivers/char_dev.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "printk/kernel_log.h"

namespace ksim {

namespace {
constexpr unsigned major_max = 512;
constexpr unsigned minor_mask = (1U << minor_bits) - 1;
} // namespace

bool CharDeviceRegistry::overlaps(unsigned major, unsigned baseminor, unsigned count) const
{
    return std::any_of(m_regions.begin(), m_regions.end(), [&](const Region& r) {
        return r.major == major && baseminor < r.baseminor + r.count && r.baseminor < baseminor + count;
    });
}

unsigned CharDeviceRegistry::find_dynamic_major() const
{
    auto used = [this](unsigned major) {
        return std::any_of(m_regions.begin(), m_regions.end(), [&](const Region& r) { return r.major == major; });
    };
    // Linux hands out 254 down to 234 first, then 511 down to 384.
    for (unsigned major = 254; major >= 234; --major)
        if (!used(major))
            return major;
    for (unsigned major = 511; major >= 384; --major)
        if (!used(major))
            return major;
    return 0;
}

ErrorOr<unsigned> CharDeviceRegistry::register_region(
    unsigned major, unsigned baseminor, unsigned count, const std::string& name, OwnerId owner, KernelLog& log)
{
    char message[200];
    if (major >= major_max) {
        std::snprintf(message, sizeof message, "CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)",
            name.c_str(), major, major_max - 1);
        log.log(3, message);
        return Errno {EINVAL};
    }
    if (count > minor_mask + 1 - baseminor) {
        std::snprintf(message, sizeof message,
            "CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major",
            name.c_str(), baseminor, baseminor + count - 1, 0U, minor_mask);
        log.log(3, message);
        return Errno {EINVAL};
    }
    if (major == 0) {
        major = find_dynamic_major();
        if (major == 0) {
            std::snprintf(message, sizeof message, "CHRDEV \"%s\" dynamic allocation region is full", name.c_str());
            log.log(3, message);
            return Errno {EBUSY};
        }
    }
    if (overlaps(major, baseminor, count))
        return Errno {EBUSY};
    m_regions.push_back({major, baseminor, count, name.substr(0, 63), owner, nullptr});
    return major;
}

std::unique_ptr<struct cdev> CharDeviceRegistry::unregister_region(unsigned major, unsigned baseminor, unsigned count)
{
    auto it = std::find_if(m_regions.begin(), m_regions.end(),
        [&](const Region& r) { return r.major == major && r.baseminor == baseminor && r.count == count; });
    if (it == m_regions.end())
        return nullptr;
    std::unique_ptr<struct cdev> cdev = std::move(it->own_cdev);
    m_regions.erase(it);
    return cdev;
}

void CharDeviceRegistry::attach_cdev(unsigned major, unsigned baseminor, std::unique_ptr<struct cdev> cdev)
{
    for (Region& r : m_regions)
        if (r.major == major && r.baseminor == baseminor)
            r.own_cdev = std::move(cdev);
}

void CharDeviceRegistry::add_cdev(struct cdev* cdev, OwnerId owner)
{
    std::erase_if(m_cdevs, [&](const Mapping& m) { return m.cdev == cdev; });
    m_cdevs.push_back({cdev, cdev->dev, cdev->count, owner});
}

struct cdev* CharDeviceRegistry::allocate_cdev()
{
    m_allocated.push_back(std::make_unique<struct cdev>());
    return m_allocated.back().get();
}

void CharDeviceRegistry::remove_cdev(const struct cdev* cdev)
{
    std::erase_if(m_cdevs, [&](const Mapping& m) { return m.cdev == cdev; });
    std::erase_if(m_allocated, [&](const auto& owned) { return owned.get() == cdev; });
}

CharDeviceRegistry::Found CharDeviceRegistry::find_cdev(unsigned dev) const
{
    for (auto it = m_cdevs.rbegin(); it != m_cdevs.rend(); ++it)
        if (dev >= it->dev && dev - it->dev < it->count)
            return {it->cdev, it->stale};
    return {};
}

std::string CharDeviceRegistry::proc_devices() const
{
    std::vector<const Region*> sorted;
    for (const Region& r : m_regions)
        sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Region* a, const Region* b) {
        return a->major != b->major ? a->major < b->major : a->baseminor < b->baseminor;
    });
    std::string out = "Character devices:\n";
    for (const Region* r : sorted) {
        char line[96];
        std::snprintf(line, sizeof line, "%3u %s\n", r->major, r->name.c_str());
        out += line;
    }
    return out;
}

std::vector<std::string> CharDeviceRegistry::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    for (const Region& r : m_regions)
        if (r.owner == owner)
            found.push_back("char device region " + std::to_string(r.major) + " \"" + r.name + "\" (minors "
                + std::to_string(r.baseminor) + "-" + std::to_string(r.baseminor + r.count - 1) + ")");
    for (Mapping& m : m_cdevs) {
        if (m.owner != owner || m.stale)
            continue;
        m.stale = true;
        bool made_by_register_chrdev = std::any_of(
            m_regions.begin(), m_regions.end(), [&](const Region& r) { return r.own_cdev.get() == m.cdev; });
        if (!made_by_register_chrdev)
            found.push_back("cdev " + std::to_string(major_of(m.dev)) + ":" + std::to_string(minor_of(m.dev)));
    }
    return found;
}

} // namespace ksim
