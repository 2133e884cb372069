// Misc devices: one shared major (10), a minor each (drivers/char/misc.c).
#pragma once

#include <string>
#include <vector>

#include <ksim/fs_abi.h>

#include "core/error_or.h"
#include "mm/slab.h"

namespace ksim {

constexpr unsigned misc_major = 10;
constexpr int misc_dynamic_minor = 255;

class MiscDevices {
public:
    // Gives the device its minor (a dynamic one when it asks for 255).
    ErrorOr<void> add(struct miscdevice* device, OwnerId owner);
    // Forgets the device; false if it was not registered.
    bool remove(const struct miscdevice* device);

    struct Found {
        struct miscdevice* device = nullptr;
        bool stale = false;
    };
    Found find(unsigned minor) const;
    // /proc/misc: "%3i %s", newest first.
    std::string proc_misc() const;
    std::vector<std::string> abandon(OwnerId owner);

private:
    struct Entry {
        struct miscdevice* device;
        int minor;
        std::string name; // copies: the miscdevice lives in its module
        OwnerId owner;
        bool stale = false;
    };
    std::vector<Entry> m_entries; // newest first
};

} // namespace ksim
