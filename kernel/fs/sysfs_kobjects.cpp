// Kobjects and attribute files (see sysfs_kobjects.h).
#include "fs/sysfs_kobjects.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>

#include "core/kernel.h"
#include "fs/sysfs_attribute.h"

namespace ksim {

struct SysfsObjects::Record {
    struct kobject* kobj;
    std::unique_ptr<struct kobject> owned; // kobject_create_and_add() made it
    std::string name;
    Record* parent;
    std::shared_ptr<Directory> dir;
    int references = 1;
    OwnerId owner;
    bool abandoned = false; // its module left without kobject_put(); it stays, as on Linux
    struct AttributeFile {
        std::string path;
        OwnerId owner;
        std::shared_ptr<bool> stale; // set once its module is gone
    };
    std::vector<AttributeFile> files;
};

SysfsObjects::SysfsObjects(Kernel& kernel, Directory& sys)
    : m_kernel(kernel)
    , m_sys(sys)
{
}

SysfsObjects::~SysfsObjects() = default;

SysfsObjects::Record* SysfsObjects::find(const struct kobject* kobj) const
{
    for (const auto& r : m_records)
        if (r->kobj == kobj)
            return r.get();
    return nullptr;
}

std::string SysfsObjects::path_of(const Record* record) const
{
    return record ? path_of(record->parent) + "/" + record->name : "";
}

struct kobject* SysfsObjects::builtin(const std::string& path)
{
    Record* parent = nullptr;
    Directory* dir = &m_sys;
    size_t start = 0;
    while (start < path.size()) {
        size_t slash = path.find('/', start);
        std::string name = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        start = slash == std::string::npos ? path.size() : slash + 1;
        Record* existing = nullptr;
        for (const auto& r : m_records)
            if (r->parent == parent && r->name == name)
                existing = r.get();
        if (!existing) {
            auto record = std::make_unique<Record>();
            record->owned = std::make_unique<struct kobject>();
            record->kobj = record->owned.get();
            record->name = name;
            record->parent = parent;
            record->owner = kernel_owner;
            dir->subdirectory(name, 0755);
            record->dir = std::static_pointer_cast<Directory>(dir->lookup(name));
            record->kobj->parent = parent ? parent->kobj : nullptr;
            record->kobj->ksim_node = record.get();
            m_records.push_back(std::move(record));
            existing = m_records.back().get();
            existing->kobj->name = existing->name.c_str();
        }
        parent = existing;
        dir = existing->dir.get();
    }
    return parent ? parent->kobj : nullptr;
}

struct kobject* SysfsObjects::create_and_add(const std::string& name, struct kobject* parent, OwnerId owner)
{
    Record* parent_record = find(parent);
    Directory& dir = parent_record ? *parent_record->dir : m_sys;
    if (name.empty())
        return nullptr;
    if (dir.contains(name)) {
        m_kernel.log().log(3, "sysfs: cannot create duplicate filename '" + path_of(parent_record) + "/" + name + "'");
        m_kernel.log().log(3,
            "kobject_add_internal failed for " + name
                + " with -EEXIST, don't try to register things with the same name in the same directory.");
        return nullptr;
    }
    auto record = std::make_unique<Record>();
    record->owned = std::make_unique<struct kobject>();
    record->kobj = record->owned.get();
    record->name = name;
    record->parent = parent_record;
    record->owner = owner;
    record->dir = std::make_shared<Directory>(0755);
    dir.add(name, record->dir);
    record->kobj->name = record->name.c_str();
    record->kobj->parent = parent;
    record->kobj->ksim_node = record.get();
    if (parent_record)
        parent_record->references++;
    m_records.push_back(std::move(record));
    return m_records.back()->kobj;
}

struct kobject* SysfsObjects::get(struct kobject* kobj)
{
    if (Record* r = find(kobj))
        r->references++;
    return kobj;
}

void SysfsObjects::put(struct kobject* kobj)
{
    Record* record = find(kobj);
    if (!record || record->owner == kernel_owner || --record->references > 0)
        return;
    Directory& parent_dir = record->parent ? *record->parent->dir : m_sys;
    parent_dir.remove(record->name);
    Record* parent = record->parent;
    std::erase_if(m_records, [&](const auto& r) { return r.get() == record; });
    if (parent)
        put(parent->kobj);
}

int SysfsObjects::add_attribute(
    Record& record, Directory& dir, const std::string& dir_path, const struct attribute* attr, OwnerId owner)
{
    if (!attr || !attr->name)
        return -EINVAL;
    std::string name = attr->name;
    if (dir.contains(name)) {
        m_kernel.log().log(3, "sysfs: cannot create duplicate filename '" + dir_path + "/" + name + "'");
        return -EEXIST;
    }
    // Kobjects made by kobject_create_and_add() use kobj_sysfs_ops: the
    // attribute is the first member of a struct kobj_attribute.
    auto* kattr = reinterpret_cast<struct kobj_attribute*>(const_cast<struct attribute*>(attr));
    struct kobject* kobj = record.kobj;
    auto stale = std::make_shared<bool>(false);
    AttributeMethods methods = module_attribute_methods(
        m_kernel, kobj, kattr, kattr->show, kattr->store, "kobj_attr_show+0xf/0x20", "kobj_attr_store+0x12/0x20");
    dir.add(name, make_attribute_file(m_kernel, attr->mode, std::move(methods), stale));
    record.files.push_back({dir_path + "/" + name, owner, stale});
    return 0;
}

int SysfsObjects::create_file(struct kobject* kobj, const struct attribute* attr, OwnerId owner)
{
    Record* record = find(kobj);
    if (!record)
        return -EINVAL;
    return add_attribute(*record, *record->dir, path_of(record), attr, owner);
}

void SysfsObjects::remove_file(struct kobject* kobj, const struct attribute* attr)
{
    Record* record = find(kobj);
    if (!record || !attr || !attr->name)
        return;
    record->dir->remove(attr->name);
    std::string path = path_of(record) + "/" + attr->name;
    std::erase_if(record->files, [&](const auto& f) { return f.path == path; });
}

int SysfsObjects::create_group(struct kobject* kobj, const struct attribute_group* group, OwnerId owner)
{
    Record* record = find(kobj);
    if (!record || !group)
        return -EINVAL;
    Directory* dir = record->dir.get();
    std::string dir_path = path_of(record);
    if (group->name) {
        dir = &record->dir->subdirectory(group->name, 0755);
        dir_path += std::string("/") + group->name;
    }
    for (int i = 0; group->attrs && group->attrs[i]; ++i) {
        const struct attribute* attr = group->attrs[i];
        if (int error = add_attribute(*record, *dir, dir_path, attr, owner)) {
            remove_group(kobj, group);
            return error;
        }
    }
    return 0;
}

void SysfsObjects::remove_group(struct kobject* kobj, const struct attribute_group* group)
{
    Record* record = find(kobj);
    if (!record || !group)
        return;
    if (group->name) {
        record->dir->remove(group->name);
        std::string prefix = path_of(record) + "/" + group->name + "/";
        std::erase_if(record->files, [&](const auto& f) { return f.path.starts_with(prefix); });
        return;
    }
    for (int i = 0; group->attrs && group->attrs[i]; ++i)
        remove_file(kobj, group->attrs[i]);
}

std::vector<std::string> SysfsObjects::abandon(OwnerId owner)
{
    std::vector<std::string> found;
    for (const auto& r : m_records) {
        bool whole = r->owner == owner && !r->abandoned;
        if (whole)
            found.push_back("/sys" + path_of(r.get()));
        for (auto& f : r->files) {
            if ((!whole && f.owner != owner) || *f.stale)
                continue;
            if (!whole)
                found.push_back("/sys" + f.path);
            *f.stale = true;
        }
        r->abandoned = r->abandoned || whole;
    }
    return found;
}

} // namespace ksim
