// Device classes and the devices in them: /sys/class/<class>/<device> and their /dev nodes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <ksim/fs_abi.h>

#include "core/error_or.h"
#include "mm/slab.h"

namespace ksim {

class Kernel;

class DeviceModel {
public:
    ErrorOr<struct ksim_class*> create_class(Kernel& kernel, const std::string& name, struct module* owner, OwnerId by);
    void destroy_class(Kernel& kernel, struct ksim_class* cls);
    // device_create(): the sysfs directory, and a /dev node when devt has a
    // major, of mode `node_mode` or else what the class's devnode() says (0600).
    ErrorOr<struct device*> create_device(Kernel& kernel, struct ksim_class* cls, struct device* parent, unsigned devt,
        void* driver_data, const std::string& name, OwnerId by, unsigned node_mode = 0);
    void destroy_device(Kernel& kernel, struct ksim_class* cls, unsigned devt);
    // device_create_file(): an attribute in the device's directory.
    int add_attribute(Kernel& kernel, struct device* device, const struct device_attribute* attr, OwnerId owner);
    void remove_attribute(Kernel& kernel, struct device* device, const struct device_attribute* attr);
    std::vector<std::string> abandon(OwnerId owner);

private:
    struct DeviceRecord {
        struct device device { };
        std::string name;
        std::string node; // its name under /dev, or "" for none
        OwnerId owner;
        struct Attribute {
            std::string name;
            OwnerId owner;
            std::shared_ptr<bool> stale;
        };
        std::vector<Attribute> attributes; // made by device_create_file()
    };
    struct ClassRecord {
        struct ksim_class cls { };
        std::string name;
        OwnerId owner;
        std::vector<std::unique_ptr<DeviceRecord>> devices;
    };
    ClassRecord* find(const struct ksim_class* cls);
    // The class and record of a device made by create_device().
    std::pair<ClassRecord*, DeviceRecord*> find(const struct device* device);
    void remove_device(Kernel& kernel, ClassRecord& record, DeviceRecord& device);

    std::vector<std::unique_ptr<ClassRecord>> m_classes;
};

} // namespace ksim
