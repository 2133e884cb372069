// The module loader against real bundled modules: metadata, taint, symbols, states, unload.
#include <doctest/doctest.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <variant>

#include "bundled_modules.h"
#include "core/kernel.h"
#include "fs/vfs.h"
#include "loader/elf_image.h"
#include "loader/modinfo.h"
#include "symbols/kernel_export_list.h"
#include "symbols/kernel_exports.h"

using namespace ksim;
using namespace ksim::test;

namespace {
Task root_task()
{
    return Task {10, "insmod", 0, nullptr};
}
} // namespace

TEST_CASE("every kernel export resolves in the running executable")
{
    SymbolTable table;
    CHECK(register_kernel_exports(table).empty());
    CHECK(table.all().size() == kernel_export_list().size());
    const ExportedSymbol* ops = table.find("param_ops_int");
    REQUIRE(ops);
    CHECK(ops->is_data);
    CHECK_FALSE(table.find("_printk")->is_data);
}

TEST_CASE("modinfo is read from the file without running it")
{
    std::string image = read_file(module_path("params"));
    auto parsed = read_elf_image(std::as_bytes(std::span(image.data(), image.size())));
    REQUIRE(std::holds_alternative<ElfImage>(parsed));
    const ElfImage& elf = std::get<ElfImage>(parsed);
    ModInfo info(elf.modinfo);
    CHECK(info.get("name") == "params");
    CHECK(info.get("license") == "GPL");
    CHECK(info.get("vermagic") == "6.1.0-ksim SMP preempt mod_unload modversions ");
    CHECK(info.get_all("parmtype").size() == 14);
    CHECK(elf.has_module_descriptor);
    // The last tags are the build's, in modpost's order.
    auto n = info.entries().size();
    CHECK(info.entries()[n - 4].first == "depends");
    CHECK(info.entries()[n - 1].first == "vermagic");
}

TEST_CASE("ELF checks give Linux's messages")
{
    auto error_of = [](std::string bytes) {
        auto parsed = read_elf_image(std::as_bytes(std::span(bytes.data(), bytes.size())));
        REQUIRE(std::holds_alternative<ElfError>(parsed));
        return std::get<ElfError>(parsed);
    };
    CHECK(error_of("this is not a module\n").message == "Invalid ELF header len 21");
    CHECK(error_of(std::string(64, 'x')).message == "Invalid ELF header magic: != \\177ELF");
    std::string truncated = read_file(module_path("hello")).substr(0, 600);
    CHECK(error_of(truncated).message == "Invalid ELF section header overflow");
    CHECK(error_of(truncated).error == ENOEXEC);
}

TEST_CASE("names: dashes become underscores, extensions and folders go")
{
    CHECK(module_name_from("hello-1.ko") == "hello_1");
    CHECK(module_name_from("/a/b/my-drv.ko.xz") == "my_drv");
    CHECK(module_name_from("hello_1") == "hello_1");
    CHECK(license_is_gpl_compatible("Dual BSD/GPL"));
    CHECK_FALSE(license_is_gpl_compatible("gpl"));
}

TEST_CASE("load, refuse a duplicate, unload; unprivileged callers get EPERM")
{
    Kernel kernel;
    kernel.set_task(Task {10, "insmod", 1000, nullptr});
    CHECK(insmod(kernel, "hello").error() == EPERM);
    kernel.set_task(root_task());
    CHECK_FALSE(insmod(kernel, "hello").is_error());
    Module* m = kernel.modules().find("hello");
    REQUIRE(m);
    CHECK(m->state == ModuleState::Live);
    CHECK(m->taints == (taint_bit(TaintFlag::OutOfTreeModule) | taint_bit(TaintFlag::UnsignedModule)));
    CHECK(kernel.taint().mask() == 12288);
    CHECK(insmod(kernel, "hello").error() == EEXIST);
    CHECK(kernel.delete_module("nosuch").error() == ENOENT);
    CHECK_FALSE(kernel.delete_module("hello").is_error());
    CHECK(kernel.modules().find("hello") == nullptr);
}

TEST_CASE("dependencies: unknown symbols, holders, GPL-only exports")
{
    Kernel kernel;
    kernel.set_task(root_task());
    CHECK(insmod(kernel, "consumer").error() == ENOENT);
    CHECK(kernel.log().ring().last().text == "consumer: Unknown symbol provider_add (err -2)");
    REQUIRE_FALSE(insmod(kernel, "provider").is_error());
    REQUIRE_FALSE(insmod(kernel, "consumer").is_error());
    Module* provider = kernel.modules().find("provider");
    CHECK(provider->refcount == 1);
    CHECK(kernel.modules().holders_of(provider->id).front()->name == "consumer");
    CHECK(kernel.delete_module("provider").error() == EWOULDBLOCK);
    CHECK(insmod(kernel, "gplonly_prop").error() == ENOENT);
    CHECK(kernel.taint().test(TaintFlag::ProprietaryModule));
    CHECK(insmod(kernel, "uses_libc").error() == ENOENT);
    CHECK(kernel.log().ring().last().text == "uses_libc: Unknown symbol printf (err -2)");
    CHECK_FALSE(kernel.delete_module("consumer").is_error());
    CHECK(provider->refcount == 0);
}

TEST_CASE("init failure unloads; kmalloc is charged to the module; Oops leaves it COMING")
{
    Kernel kernel;
    kernel.set_task(root_task());
    CHECK(insmod(kernel, "err_enomem").error() == ENOMEM);
    CHECK(kernel.modules().find("err_enomem") == nullptr);

    REQUIRE_FALSE(insmod(kernel, "hello_cpp", "times=3").is_error());
    Module* cpp = kernel.modules().find("hello_cpp");
    CHECK(kernel.slab().usage(cpp->id).objects == 1);
    CHECK(kernel.slab().usage(cpp->id).requested_bytes == 16);

    CHECK(insmod(kernel, "oops_init").error() == task_killed);
    Module* oops = kernel.modules().find("oops_init");
    REQUIRE(oops);
    CHECK(oops->state == ModuleState::Coming);
    CHECK(oops->refcount == 1);
    CHECK(kernel.taint().test(TaintFlag::Die));
    CHECK(kernel.oops_count() == 1);
    CHECK(kernel.delete_module("oops_init").error() == EBUSY);
    // The kernel keeps working after the Oops.
    CHECK_FALSE(insmod(kernel, "hello").is_error());
}

TEST_CASE("/proc and /sys show the modules in Linux's formats")
{
    Kernel kernel;
    kernel.set_task(root_task());
    REQUIRE_FALSE(insmod(kernel, "provider").is_error());
    REQUIRE_FALSE(insmod(kernel, "consumer").is_error());
    REQUIRE_FALSE(insmod(kernel, "params", "p_int=9").is_error());
    Task learner {20, "cat", 1000, nullptr};
    std::string modules = kernel.vfs().read(learner, "/proc/modules").value();
    CHECK(modules.find("provider ") != std::string::npos);
    CHECK(modules.find(" 1 consumer, Live 0x0000000000000000 (OE)\n") != std::string::npos);
    CHECK(kernel.vfs().read(learner, "/sys/module/params/parameters/p_int").value() == "9\n");
    CHECK(kernel.vfs().read(learner, "/sys/module/provider/refcnt").value() == "1\n");
    CHECK(kernel.vfs().write(learner, "/sys/module/params/parameters/p_int", "3\n").error() == EACCES);
    CHECK_FALSE(kernel.vfs().write(root_task(), "/sys/module/params/parameters/p_int", "3\n").is_error());
    CHECK(kernel.vfs().write(root_task(), "/sys/module/params/parameters/p_int", "x\n").error() == EINVAL);
    CHECK(kernel.vfs().read(learner, "/sys/module/params/parameters/p_int").value() == "3\n");
    CHECK(kernel.vfs().read(learner, "/sys/module/nosuch").error() == ENOENT);
    std::string kallsyms = kernel.vfs().read(root_task(), "/proc/kallsyms").value();
    CHECK(kallsyms.find(" T provider_add\t[provider]\n") != std::string::npos);
    CHECK(kallsyms.find(" T _printk\n") != std::string::npos);
    CHECK(kallsyms.find("provider_init\t[provider]") == std::string::npos); // .init is gone after init
}
