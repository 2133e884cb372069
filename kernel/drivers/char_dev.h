// Char device numbers: the regions drivers claim and the cdevs that serve them (fs/char_dev.c).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <ksim/fs_abi.h>

#include "core/error_or.h"
#include "mm/slab.h"

namespace ksim {

class KernelLog;

constexpr unsigned minor_bits = 20;
constexpr unsigned make_dev(unsigned major, unsigned minor)
{
    return major << minor_bits | minor;
}
constexpr unsigned major_of(unsigned dev)
{
    return dev >> minor_bits;
}
constexpr unsigned minor_of(unsigned dev)
{
    return dev & ((1U << minor_bits) - 1);
}

class CharDeviceRegistry {
public:
    // Claims minors [baseminor, baseminor + count) of `major`, or of a free
    // dynamic major when it is 0; returns the major.
    ErrorOr<unsigned> register_region(
        unsigned major, unsigned baseminor, unsigned count, const std::string& name, OwnerId owner, KernelLog& log);
    // Releases exactly that region; returns the cdev register_chrdev made for it, if any.
    std::unique_ptr<struct cdev> unregister_region(unsigned major, unsigned baseminor, unsigned count);
    // register_chrdev(): the region keeps the cdev it serves.
    void attach_cdev(unsigned major, unsigned baseminor, std::unique_ptr<struct cdev> cdev);

    // cdev_alloc(): a cdev the registry frees at its cdev_del().
    struct cdev* allocate_cdev();
    void add_cdev(struct cdev* cdev, OwnerId owner);
    void remove_cdev(const struct cdev* cdev);
    struct Found {
        struct cdev* cdev = nullptr;
        bool stale = false; // its module is gone: the cdev must not be touched
    };
    Found find_cdev(unsigned dev) const;

    // The "Character devices:" part of /proc/devices.
    std::string proc_devices() const;
    // What a module left registered, for the warnings at its unload; the
    // entries stay (as on Linux) but are never dereferenced again.
    std::vector<std::string> abandon(OwnerId owner);

private:
    struct Region {
        unsigned major, baseminor, count;
        std::string name;
        OwnerId owner;
        std::unique_ptr<struct cdev> own_cdev;
    };
    struct Mapping {
        struct cdev* cdev;
        unsigned dev, count; // copies: the cdev may live in a module's memory
        OwnerId owner;
        bool stale = false;
    };
    bool overlaps(unsigned major, unsigned baseminor, unsigned count) const;
    unsigned find_dynamic_major() const;

    std::vector<Region> m_regions;
    std::vector<Mapping> m_cdevs; // newest last; a newer cdev shadows an older one
    std::vector<std::unique_ptr<struct cdev>> m_allocated;
};

} // namespace ksim
