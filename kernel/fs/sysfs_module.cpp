// /sys/module/<name>/: state, references, taint, sizes, holders and parameters of each module.
#include <cerrno>
#include <vector>

#include "core/kernel.h"
#include "fs/kernel_vfs.h"
#include "fs/vfs.h"

namespace ksim {

namespace {

using Text = ErrorOr<std::string>;

// Every attribute looks its module up again, so a file opened before rmmod
// answers ENODEV instead of touching freed memory.
std::shared_ptr<TextFile> attribute(Kernel& kernel, std::string name, std::function<std::string(Module&)> show)
{
    return std::make_shared<TextFile>(
        0444,
        [&kernel, name, show](const Task&) -> Text {
            Module* m = kernel.modules().find(name);
            if (!m)
                return Errno {ENODEV};
            return show(*m);
        },
        TextFile::Writer {}, 4096);
}

std::shared_ptr<VfsNode> parameter_file(Kernel& kernel, const std::string& module_name, const kernel_param& kp)
{
    auto reader = [&kernel, module_name, &kp](const Task&) -> Text {
        if (!kernel.modules().find(module_name))
            return Errno {ENODEV};
        if (!kp.ops->get)
            return Errno {EPERM};
        std::string page(4096, '\0');
        auto got = kernel.call_module(ModuleFunction(kp.ops->get),
            {"param_attr_show+0x5a/0xa0", "module_attr_show+0x19/0x30", "sysfs_kf_seq_show+0x9c/0x110",
                "seq_read_iter+0x11f/0x450", "vfs_read+0x1f0/0x2a0", "ksys_read+0x67/0xf0"},
            page.data(), &kp);
        if (got.is_error())
            return Errno {got.error()};
        int n = got.value();
        if (n < 0)
            return Errno {-n};
        page.resize(static_cast<size_t>(n));
        return page;
    };
    auto writer = [&kernel, module_name, &kp](const Task&, std::string_view data) -> ErrorOr<void> {
        if (!kernel.modules().find(module_name))
            return Errno {ENODEV};
        if (!kp.ops->set)
            return Errno {EPERM};
        std::string value(data);
        auto set = kernel.call_module(ModuleFunction(kp.ops->set),
            {"param_attr_store+0x8f/0x100", "module_attr_store+0x1e/0x30", "kernfs_fop_write_iter+0x134/0x1d0",
                "vfs_write+0x236/0x3a0", "ksys_write+0x67/0xf0"},
            value.c_str(), &kp);
        if (set.is_error())
            return Errno {set.error()};
        int ret = set.value();
        if (ret < 0)
            return Errno {-ret};
        return {};
    };
    return std::make_shared<TextFile>(kp.perm, reader, writer, 4096);
}

std::shared_ptr<VfsNode> module_directory(Kernel& kernel, const std::string& name)
{
    auto dir = std::make_shared<Directory>();
    Module* module = kernel.modules().find(name);
    dir->add(
        "initstate", attribute(kernel, name, [](Module& m) { return std::string(sysfs_state_name(m.state)) + "\n"; }));
    dir->add("refcnt", attribute(kernel, name, [](Module& m) { return std::to_string(m.refcount) + "\n"; }));
    dir->add("taint", attribute(kernel, name, [](Module& m) { return module_taint_letters(m.taints) + "\n"; }));
    dir->add("coresize", attribute(kernel, name, [](Module& m) { return std::to_string(m.core_size) + "\n"; }));
    dir->add("initsize", attribute(kernel, name, [](Module&) { return std::string("0\n"); }));
    for (const char* tag : {"version", "srcversion"})
        if (module->modinfo.get(tag))
            dir->add(tag, attribute(kernel, name, [tag](Module& m) { return m.modinfo.get(tag).value_or("") + "\n"; }));

    auto holders = std::make_shared<Directory>(
        [&kernel, name] {
            std::vector<std::string> names;
            if (Module* m = kernel.modules().find(name))
                for (const Module* h : kernel.modules().holders_of(m->id))
                    names.push_back(h->name);
            return names;
        },
        [&kernel](std::string_view holder) { return module_directory(kernel, std::string(holder)); });
    dir->add("holders", holders);

    // parameters/ exists only when some parameter has a non-zero mode.
    std::shared_ptr<Directory> parameters;
    for (const kernel_param& kp : module->params()) {
        if (kp.perm == 0)
            continue;
        if (!parameters)
            parameters = std::make_shared<Directory>();
        parameters->add(kp.name, parameter_file(kernel, name, kp));
    }
    if (parameters)
        dir->add("parameters", parameters);
    return dir;
}

} // namespace

void populate_sysfs(Directory& sys, Kernel& kernel)
{
    sys.add("module",
        std::make_shared<Directory>(
            [&kernel] {
                std::vector<std::string> names;
                for (const auto& m : kernel.modules().all())
                    if (m->state != ModuleState::Unformed)
                        names.push_back(m->name);
                return names;
            },
            [&kernel](std::string_view name) { return module_directory(kernel, std::string(name)); }));
    sys.subdirectory("kernel");
}

} // namespace ksim
