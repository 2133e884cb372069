// class_create(), device_create() and misc_register(): the module API of the driver core.
#include <cerrno>
#include <cstdarg>
#include <cstdio>

#include "core/export.h"
#include "core/caller_owner.h"
#include "core/kernel.h"
#include "drivers/char_dev.h"
#include "drivers/device_model.h"
#include "drivers/misc_device.h"
#include "lib/vsprintf.h"

namespace {

template <typename T> T* error_pointer(int error)
{
    return reinterpret_cast<T*>(static_cast<intptr_t>(-error));
}

} // namespace

KSIM_EXPORT struct ksim_class* __class_create(struct module* owner, const char* name, void*)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    auto cls = kernel.device_model().create_class(
        kernel, name ? name : "", owner, ksim::caller_owner(__builtin_return_address(0)));
    return cls.is_error() ? error_pointer<struct ksim_class>(cls.error()) : cls.value();
}

KSIM_EXPORT void class_destroy(struct ksim_class* cls)
{
    if (!cls || reinterpret_cast<uintptr_t>(cls) >= static_cast<uintptr_t>(-4095))
        return;
    ksim::Kernel& kernel = ksim::Kernel::current();
    kernel.device_model().destroy_class(kernel, cls);
}

KSIM_EXPORT struct device* device_create(
    struct ksim_class* cls, struct device* parent, unsigned int devt, void* drvdata, const char* fmt, ...)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    va_list args;
    va_start(args, fmt);
    std::string name = ksim::kernel_vformat(fmt, args, [&](uintptr_t a, bool o) { return kernel.symbolize(a, o); });
    va_end(args);
    auto device = kernel.device_model().create_device(
        kernel, cls, parent, devt, drvdata, name, ksim::caller_owner(__builtin_return_address(0)));
    return device.is_error() ? error_pointer<struct device>(device.error()) : device.value();
}

KSIM_EXPORT void device_destroy(struct ksim_class* cls, unsigned int devt)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    kernel.device_model().destroy_device(kernel, cls, devt);
}

KSIM_EXPORT int device_create_file(struct device* dev, const struct device_attribute* attr)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    return kernel.device_model().add_attribute(kernel, dev, attr, ksim::caller_owner(__builtin_return_address(0)));
}

KSIM_EXPORT void device_remove_file(struct device* dev, const struct device_attribute* attr)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    kernel.device_model().remove_attribute(kernel, dev, attr);
}

KSIM_EXPORT int misc_register(struct miscdevice* misc)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    ksim::OwnerId owner = ksim::caller_owner(__builtin_return_address(0));
    if (auto added = kernel.misc_devices().add(misc, owner); added.is_error())
        return -added.error();
    const char* node = misc->nodename ? misc->nodename : misc->name;
    auto device = kernel.device_model().create_device(kernel, kernel.misc_class(), misc->parent,
        ksim::make_dev(ksim::misc_major, static_cast<unsigned>(misc->minor)), misc, node ? node : "", owner,
        misc->mode);
    if (device.is_error()) {
        kernel.misc_devices().remove(misc);
        return -device.error();
    }
    misc->this_device = device.value();
    return 0;
}

KSIM_EXPORT void misc_deregister(struct miscdevice* misc)
{
    ksim::Kernel& kernel = ksim::Kernel::current();
    if (!kernel.misc_devices().remove(misc))
        return;
    kernel.device_model().destroy_device(
        kernel, kernel.misc_class(), ksim::make_dev(ksim::misc_major, static_cast<unsigned>(misc->minor)));
    misc->this_device = nullptr;
}
