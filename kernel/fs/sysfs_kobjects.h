// Kobjects and their attribute files: the directories modules add under /sys (lib/kobject.c, fs/sysfs).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <ksim/fs_abi.h>

#include "fs/vfs.h"
#include "mm/slab.h"

namespace ksim {

class SysfsObjects {
public:
    SysfsObjects(Kernel& kernel, Directory& sys);
    ~SysfsObjects();

    // The kernel's own kobjects modules hang theirs from (kernel_kobj, ...).
    struct kobject* builtin(const std::string& path);

    struct kobject* create_and_add(const std::string& name, struct kobject* parent, OwnerId owner);
    struct kobject* get(struct kobject* kobj);
    void put(struct kobject* kobj);
    int create_file(struct kobject* kobj, const struct attribute* attr, OwnerId owner);
    void remove_file(struct kobject* kobj, const struct attribute* attr);
    int create_group(struct kobject* kobj, const struct attribute_group* group, OwnerId owner);
    void remove_group(struct kobject* kobj, const struct attribute_group* group);
    std::vector<std::string> abandon(OwnerId owner);

private:
    struct Record;
    Record* find(const struct kobject* kobj) const;
    std::string path_of(const Record* record) const;
    int add_attribute(
        Record& record, Directory& dir, const std::string& dir_path, const struct attribute* attr, OwnerId owner);

    Kernel& m_kernel;
    Directory& m_sys;
    std::vector<std::unique_ptr<Record>> m_records;
};

// Points kernel_kobj and friends at the kernel's own kobjects.
void publish_builtin_kobjects(SysfsObjects& sysfs);

} // namespace ksim
