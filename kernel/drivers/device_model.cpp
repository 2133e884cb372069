// Device classes and devices (see device_model.h).
#include "drivers/device_model.h"

#include <algorithm>
#include <cerrno>

#include "core/kernel.h"
#include "drivers/char_dev.h"
#include "fs/devtmpfs.h"
#include "fs/sysfs_attribute.h"
#include "fs/vfs.h"

extern "C" void kfree(const void* pointer);

namespace ksim {

namespace {

Directory& class_root(Kernel& kernel)
{
    return kernel.vfs().root().subdirectory("sys").subdirectory("class");
}

void duplicate_warning(Kernel& kernel, const std::string& path)
{
    kernel.log().log(3, "sysfs: cannot create duplicate filename '" + path + "'");
}

} // namespace

DeviceModel::ClassRecord* DeviceModel::find(const struct ksim_class* cls)
{
    for (auto& record : m_classes)
        if (&record->cls == cls)
            return record.get();
    return nullptr;
}

ErrorOr<struct ksim_class*> DeviceModel::create_class(
    Kernel& kernel, const std::string& name, struct module* owner, OwnerId by)
{
    Directory& root = class_root(kernel);
    if (root.contains(name)) {
        duplicate_warning(kernel, "/class/" + name);
        kernel.log().log(3,
            "kobject_add_internal failed for " + name
                + " with -EEXIST, don't try to register things with the same name in the same directory.");
        return Errno {EEXIST};
    }
    auto record = std::make_unique<ClassRecord>();
    record->name = name;
    record->owner = by;
    record->cls.owner = owner;
    record->cls.name = record->name.c_str();
    root.subdirectory(name);
    m_classes.push_back(std::move(record));
    return &m_classes.back()->cls;
}

std::pair<DeviceModel::ClassRecord*, DeviceModel::DeviceRecord*> DeviceModel::find(const struct device* device)
{
    for (auto& record : m_classes)
        for (auto& d : record->devices)
            if (&d->device == device)
                return {record.get(), d.get()};
    return {nullptr, nullptr};
}

int DeviceModel::add_attribute(
    Kernel& kernel, struct device* device, const struct device_attribute* attr, OwnerId owner)
{
    auto [record, found] = find(device);
    if (!found || !attr || !attr->attr.name)
        return -EINVAL;
    Directory& dir = class_root(kernel).subdirectory(record->name).subdirectory(found->name, 0755);
    std::string name = attr->attr.name;
    if (dir.contains(name)) {
        duplicate_warning(kernel, "/devices/virtual/" + record->name + "/" + found->name + "/" + name);
        return -EEXIST;
    }
    auto* dattr = const_cast<struct device_attribute*>(attr);
    AttributeMethods methods = module_attribute_methods(
        kernel, device, dattr, attr->show, attr->store, "dev_attr_show+0x19/0x40", "dev_attr_store+0x14/0x30");
    auto stale = std::make_shared<bool>(false);
    dir.add(name, make_attribute_file(kernel, attr->attr.mode, std::move(methods), stale));
    found->attributes.push_back({name, owner, stale});
    return 0;
}

void DeviceModel::remove_attribute(Kernel& kernel, struct device* device, const struct device_attribute* attr)
{
    auto [record, found] = find(device);
    if (!found || !attr || !attr->attr.name)
        return;
    class_root(kernel).subdirectory(record->name).subdirectory(found->name, 0755).remove(attr->attr.name);
    std::erase_if(found->attributes, [&](const auto& a) { return a.name == attr->attr.name; });
}

void DeviceModel::remove_device(Kernel& kernel, ClassRecord& record, DeviceRecord& device)
{
    if (!device.node.empty())
        Devtmpfs(kernel.vfs().root().subdirectory("dev")).remove(device.node, device.device.devt);
    class_root(kernel).subdirectory(record.name).remove(device.name);
}

void DeviceModel::destroy_class(Kernel& kernel, struct ksim_class* cls)
{
    ClassRecord* record = find(cls);
    if (!record)
        return;
    for (auto& device : record->devices)
        remove_device(kernel, *record, *device);
    class_root(kernel).remove(record->name);
    std::erase_if(m_classes, [&](const auto& r) { return r.get() == record; });
}

ErrorOr<struct device*> DeviceModel::create_device(Kernel& kernel, struct ksim_class* cls, struct device* parent,
    unsigned devt, void* driver_data, const std::string& name, OwnerId by, unsigned node_mode)
{
    ClassRecord* record = find(cls);
    if (!record)
        return Errno {EINVAL};
    Directory& dir = class_root(kernel).subdirectory(record->name);
    if (dir.contains(name)) {
        duplicate_warning(kernel, "/devices/virtual/" + record->name + "/" + name);
        return Errno {EEXIST};
    }
    auto device = std::make_unique<DeviceRecord>();
    device->name = name;
    device->owner = by;
    device->device.kobj.name = device->name.c_str();
    device->device.parent = parent;
    device->device.ksim_class = cls;
    device->device.devt = devt;
    device->device.driver_data = driver_data;

    if (major_of(devt)) {
        // The class's devnode() may rename the node and choose its mode.
        ksim_umode_t mode = static_cast<ksim_umode_t>(node_mode);
        std::string node = name;
        if (cls->devnode && !node_mode) {
            auto called = kernel.call_module(ModuleFunction(cls->devnode),
                {"device_get_devnode+0x45/0xd0", "devtmpfs_create_node+0x4f/0xf0", "device_add+0x5f1/0x930"},
                &device->device, &mode);
            if (called.is_error())
                return Errno {called.error()};
            char* renamed = called.value();
            if (renamed) {
                node = renamed;
                kfree(renamed);
            }
        }
        if (Devtmpfs(kernel.vfs().root().subdirectory("dev")).create(kernel, node, devt, mode ? mode : 0600))
            device->node = node;
    }
    std::string dev_text = std::to_string(major_of(devt)) + ":" + std::to_string(minor_of(devt)) + "\n";
    std::string uevent = major_of(devt) ? "MAJOR=" + std::to_string(major_of(devt))
            + "\nMINOR=" + std::to_string(minor_of(devt)) + "\nDEVNAME=" + device->node + "\n"
                                        : std::string();
    Directory& device_dir = dir.subdirectory(name, 0755);
    if (major_of(devt))
        device_dir.add("dev",
            std::make_shared<TextFile>(
                0444, [dev_text](const Task&) -> ErrorOr<std::string> { return dev_text; }, TextFile::Writer {}, 4096));
    device_dir.add("uevent",
        std::make_shared<TextFile>(
            0644, [uevent](const Task&) -> ErrorOr<std::string> { return uevent; },
            [](const Task&, std::string_view) -> ErrorOr<void> { return {}; }, 4096));
    record->devices.push_back(std::move(device));
    return &record->devices.back()->device;
}

void DeviceModel::destroy_device(Kernel& kernel, struct ksim_class* cls, unsigned devt)
{
    ClassRecord* record = find(cls);
    if (!record)
        return;
    auto it = std::find_if(
        record->devices.begin(), record->devices.end(), [&](const auto& d) { return d->device.devt == devt; });
    if (it == record->devices.end())
        return;
    remove_device(kernel, *record, **it);
    record->devices.erase(it);
}

std::vector<std::string> DeviceModel::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    for (auto& record : m_classes) {
        if (record->owner == owner)
            found.push_back("device class \"" + record->name + "\"");
        for (auto& device : record->devices)
            for (auto& attribute : device->attributes)
                if (attribute.owner == owner && !*attribute.stale) {
                    *attribute.stale = true;
                    if (device->owner != owner)
                        found.push_back("attribute " + attribute.name + " of device \"" + device->name + "\"");
                }
        for (auto& device : record->devices)
            if (device->owner == owner)
                found.push_back(
                    "device \"" + device->name + "\"" + (device->node.empty() ? "" : " (/dev/" + device->node + ")"));
        if (record->owner == owner)
            record->cls.devnode = nullptr; // its code is gone
    }
    return found;
}

} // namespace ksim
