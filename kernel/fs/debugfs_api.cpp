// debugfs_create_dir(), debugfs_create_file(), debugfs_create_u32() and friends.
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include <ksim/fs_abi.h>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "fs/debugfs.h"

extern "C" int kstrtoull(const char* s, unsigned int base, unsigned long long* res);
extern "C" int kstrtobool(const char* s, bool* res);

namespace {

// A file showing an unsigned integer of type T with printf format `fmt`.
template <typename T>
void create_number(
    const char* name, unsigned short mode, struct dentry* parent, T* value, const char* fmt, ksim::OwnerId owner)
{
    auto show = [value, fmt] {
        char text[32];
        std::snprintf(text, sizeof text, fmt, static_cast<unsigned long long>(*value));
        return std::string(text);
    };
    auto store = [value](const std::string& input) {
        unsigned long long parsed = 0;
        if (kstrtoull(input.c_str(), 0, &parsed) != 0)
            return EINVAL;
        *value = static_cast<T>(parsed);
        return 0;
    };
    ksim::Kernel::current().debugfs().create_value(name ? name : "", mode, parent, value, show, store, owner);
}

} // namespace

KSIM_EXPORT struct dentry* debugfs_create_dir(const char* name, struct dentry* parent)
{
    return ksim::Kernel::current().debugfs().create_directory(
        name ? name : "", parent, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT struct dentry* debugfs_create_file(
    const char* name, unsigned short mode, struct dentry* parent, void* data, const struct file_operations* fops)
{
    return ksim::Kernel::current().debugfs().create_file(
        name ? name : "", mode, parent, data, fops, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void debugfs_remove(struct dentry* entry)
{
    if (entry && reinterpret_cast<uintptr_t>(entry) < static_cast<uintptr_t>(-4095))
        ksim::Kernel::current().debugfs().remove(entry);
}

KSIM_EXPORT void debugfs_remove_recursive(struct dentry* entry)
{
    debugfs_remove(entry);
}

#define KSIM_DEBUGFS_NUMBER(suffix, type, format)                                                                      \
    KSIM_EXPORT void debugfs_create_##suffix(                                                                          \
        const char* name, unsigned short mode, struct dentry* parent, type* value)                                     \
    {                                                                                                                  \
        create_number(name, mode, parent, value, format, ksim::caller_owner(__builtin_return_address(0)));             \
    }

KSIM_DEBUGFS_NUMBER(u8, uint8_t, "%llu\n")
KSIM_DEBUGFS_NUMBER(u16, uint16_t, "%llu\n")
KSIM_DEBUGFS_NUMBER(u32, uint32_t, "%llu\n")
KSIM_DEBUGFS_NUMBER(u64, uint64_t, "%llu\n")
KSIM_DEBUGFS_NUMBER(ulong, unsigned long, "%llu\n")
KSIM_DEBUGFS_NUMBER(size_t, size_t, "%llu\n")
KSIM_DEBUGFS_NUMBER(x8, uint8_t, "0x%02llx\n")
KSIM_DEBUGFS_NUMBER(x16, uint16_t, "0x%04llx\n")
KSIM_DEBUGFS_NUMBER(x32, uint32_t, "0x%08llx\n")
KSIM_DEBUGFS_NUMBER(x64, uint64_t, "0x%016llx\n")

KSIM_EXPORT void debugfs_create_bool(const char* name, unsigned short mode, struct dentry* parent, bool* value)
{
    auto show = [value] { return std::string(*value ? "Y\n" : "N\n"); };
    auto store = [value](const std::string& input) {
        // debugfs_write_file_bool() takes the write whatever kstrtobool()
        // makes of it: a word it does not know leaves the value as it was.
        bool parsed = false;
        if (kstrtobool(input.c_str(), &parsed) == 0)
            *value = parsed;
        return 0;
    };
    ksim::Kernel::current().debugfs().create_value(
        name ? name : "", mode, parent, value, show, store, ksim::caller_owner(__builtin_return_address(0)));
}

// A read-only file whose contents are the wrapper's bytes, read afresh at each
// read (Linux 6.1's blob files have no write method, so a write is EINVAL).
KSIM_EXPORT struct dentry* debugfs_create_blob(
    const char* name, unsigned short mode, struct dentry* parent, struct debugfs_blob_wrapper* blob)
{
    auto show = [blob] { return std::string(static_cast<const char*>(blob->data), blob->size); };
    auto store = [](const std::string&) { return EINVAL; };
    return ksim::Kernel::current().debugfs().create_value(
        name ? name : "", mode, parent, blob, show, store, ksim::caller_owner(__builtin_return_address(0)));
}
