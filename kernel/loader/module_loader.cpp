// load_module() (see module_loader.h). Each step is a function; the numbers
// follow the fact sheet's table of Linux 6.1's load_module().
#include "loader/module_loader.h"

#include <algorithm>
#include <cerrno>
#include <variant>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "keys/system_keyring.h"
#include "loader/module_ctors.h"
#include "loader/elf_dynamic.h"
#include "loader/module_descriptor_check.h"
#include "loader/module_image_file.h"
#include "loader/module_signature.h"
#include "loader/module_unloader.h"
#include "loader/params.h"
#include "loader/weak_symbols.h"

namespace ksim {

namespace {

constexpr const char* missing_name = "(missing .modinfo section or name field)";

// Steps 6-6d: version magic, then the taints the metadata implies.
// same_magic(): with symbol versions, the release (the first word) may differ.
bool same_magic(const std::string& magic, bool has_versions)
{
    std::string_view mine = KSIM_VERMAGIC, theirs = magic;
    if (has_versions) {
        mine.remove_prefix(std::min(mine.size(), mine.find(' ')));
        theirs.remove_prefix(std::min(theirs.size(), theirs.find(' ')));
    }
    return mine == theirs;
}

ErrorOr<void> check_modinfo(Kernel& kernel, const std::string& name, const ModInfo& info, bool has_versions,
    unsigned flags, unsigned long& taints)
{
    KernelLog& log = kernel.log();
    std::optional<std::string> magic = info.get("vermagic");
    if (flags & module_init_ignore_vermagic)
        magic.reset();
    Taint& taint = kernel.taint();
    // try_to_force_load() of a kernel with CONFIG_MODULE_FORCE_LOAD (Debian's
    // lacks it and refuses with ENOEXEC): insmod -f always lands here, since
    // ignoring the version magic is what forcing means.
    if (!magic) {
        if (!taint.test(TaintFlag::ForcedModule))
            log.log(4, name + ": bad vermagic: kernel tainted.");
        taint.add(TaintFlag::ForcedModule, true, log);
        taints |= taint_bit(TaintFlag::ForcedModule);
    } else if (!same_magic(*magic, has_versions)) {
        log.log(3, name + ": version magic '" + *magic + "' should be '" + KSIM_VERMAGIC + "'");
        return Errno {ENOEXEC};
    }
    if (!info.get("intree")) {
        if (!taint.test(TaintFlag::OutOfTreeModule))
            log.log(4, name + ": loading out-of-tree module taints kernel.");
        taint.add(TaintFlag::OutOfTreeModule, false, log);
        taints |= taint_bit(TaintFlag::OutOfTreeModule);
    }
    std::string license = info.get("license").value_or("unspecified");
    if (!license_is_gpl_compatible(license)) {
        if (!taint.test(TaintFlag::ProprietaryModule))
            log.log(4, name + ": module license '" + license + "' taints kernel.");
        taint.add(TaintFlag::ProprietaryModule, true, log);
        taints |= taint_bit(TaintFlag::ProprietaryModule);
    }
    return {};
}

// Step 12: every strong undefined symbol must be exported by the kernel or a
// loaded module, with the CRC the module was built against (check_version());
// all are tried and each failure is logged.
// A weak reference nothing exports is 0 (simplify_symbols()); its name goes
// to `unresolved_weak`, to be bound so before dlopen can bind it elsewhere.
ErrorOr<std::vector<OwnerId>> resolve_symbols(Kernel& kernel, const std::string& name, const ElfImage& elf,
    bool gpl_compatible, bool ignore_versions, std::vector<std::string>& unresolved_weak)
{
    std::vector<OwnerId> uses;
    int error = 0;
    bool missing_version_reported = false;
    for (const NeededSymbol& needed : elf.needed) {
        const ExportedSymbol* symbol = kernel.symbols().find(needed.name);
        // A non-GPL module does not see GPL-only exports at all.
        if (!symbol || (symbol->gpl_only && !gpl_compatible)) {
            if (needed.weak) {
                unresolved_weak.push_back(needed.name);
                continue;
            }
            kernel.log().log(4, name + ": Unknown symbol " + needed.name + " (err -2)");
            error = ENOENT;
            continue;
        }
        if (elf.has_versions && !ignore_versions && symbol->crc) {
            auto version = std::find_if(elf.versions.begin(), elf.versions.end(),
                [&](const SymbolVersion& v) { return v.name == needed.name; });
            if (version == elf.versions.end()) {
                if (!missing_version_reported)
                    kernel.log().log(4, name + ": no symbol version for " + needed.name);
                missing_version_reported = true;
            } else if (version->crc != *symbol->crc) {
                kernel.log().log(4, name + ": disagrees about version of symbol " + needed.name);
                kernel.log().log(4, name + ": Unknown symbol " + needed.name + " (err -22)");
                error = EINVAL;
                continue;
            }
        }
        if (symbol->owner != kernel_owner && std::find(uses.begin(), uses.end(), symbol->owner) == uses.end())
            uses.push_back(symbol->owner);
    }
    if (error)
        return Errno {error};
    return uses;
}

// Step 14: publish the module's exports, refusing names already taken.
ErrorOr<void> add_exports(Kernel& kernel, Module& module, const std::vector<SymbolVersion>& export_crcs)
{
    const struct module* d = module.descriptor;
    auto publish = [&](const kernel_symbol* first, const kernel_symbol* last, bool gpl) -> ErrorOr<void> {
        for (const kernel_symbol* s = first; s && s < last; ++s) {
            if (const ExportedSymbol* other = kernel.symbols().find(s->name)) {
                Module* owner = kernel.modules().find(other->owner);
                kernel.log().log(3,
                    module.name + ": exports duplicate symbol " + s->name + " (owned by "
                        + (owner ? owner->name : "kernel") + ")");
                return Errno {ENOEXEC};
            }
            auto crc = std::find_if(
                export_crcs.begin(), export_crcs.end(), [&](const SymbolVersion& v) { return v.name == s->name; });
            (void)kernel.symbols().add({s->name, reinterpret_cast<uintptr_t>(s->value), module.id, gpl, false,
                crc == export_crcs.end() ? std::nullopt : std::optional<uint32_t>(crc->crc)});
        }
        return {};
    };
    if (auto r = publish(d->syms_start, d->syms_stop, false); r.is_error())
        return r;
    return publish(d->gpl_syms_start, d->gpl_syms_stop, true);
}

// do_init_module(): run the constructors, then init; a negative result unloads the module again
// without calling exit, a crash leaves it stuck in COMING.
ErrorOr<void> do_init_module(Kernel& kernel, Module& module)
{
    if (auto constructed = run_module_ctors(kernel, module); constructed.is_error())
        return constructed; // like a crash in init, it leaves the module COMING
    int ret = 0;
    if (module.has_init()) {
        auto init = kernel.call_module(ModuleFunction(module.descriptor->init),
            {"do_one_initcall+0x56/0x230", "do_init_module+0x4a/0x200", "__do_sys_finit_module+0x93/0xf0",
                "do_syscall_64+0x58/0xc0", "entry_SYSCALL_64_after_hwframe+0x64/0xce"});
        if (init.is_error())
            return Errno {init.error()};
        ret = init.value();
    }
    if (ret < 0) {
        module.state = ModuleState::Going;
        release_module(kernel, module.id);
        return Errno {-ret};
    }
    if (ret > 0) {
        kernel.log().log(4,
            "do_init_module: '" + module.name + "'->init suspiciously returned " + std::to_string(ret)
                + ", it should follow 0/-E convention");
        kernel.log().log(4, "do_init_module: loading module anyway...");
    }
    module.state = ModuleState::Live;
    module.refcount = 0; // the reference held during init is dropped
    module.init_done = true;
    return {};
}

} // namespace

ErrorOr<void> load_module(
    Kernel& kernel, std::span<const std::byte> image, const std::string& path, const std::string& args, unsigned flags)
{
    KernelLog& log = kernel.log();
    if (!kernel.task().is_root())
        return Errno {EPERM};
    // An empty file never reaches the ELF checks: finit_module says EINVAL.
    if (image.empty())
        return Errno {EINVAL};

    // Step 1: the signature. A forced load counts as unsigned, as on Linux.
    bool signature_ok = false;
    size_t payload_size = image.size();
    int signature_error = flags ? ENODATA : verify_module_signature(image, system_trusted_keys(), payload_size);
    if (signature_error == 0) {
        signature_ok = true;
    } else {
        const char* reason = signature_error == ENODATA ? "unsigned module"
            : signature_error == ENOPKG                 ? "module with unsupported crypto"
            : signature_error == ENOKEY                 ? "module with unavailable key"
                                                        : nullptr;
        if (!reason)
            return Errno {signature_error}; // a bad signature fails even when not enforced
        if (kernel.module_signatures_enforced()) {
            log.log(5, std::string("Loading of ") + reason + " is rejected");
            return Errno {EKEYREJECTED};
        }
    }
    image = image.first(payload_size);

    // Steps 2-3: ELF sanity, then the module's name and descriptor.
    auto parsed = read_elf_image(image);
    if (auto* error = std::get_if<ElfError>(&parsed)) {
        if (!error->message.empty())
            log.log(3,
                error->message.starts_with("module has no symbols") ? std::string(missing_name) + ": " + error->message
                                                                    : error->message);
        return Errno {error->error};
    }
    ElfImage& elf = std::get<ElfImage>(parsed);
    ModInfo info(elf.modinfo);
    std::optional<std::string> name_tag = info.get("name");
    if (!name_tag || !elf.has_module_descriptor) {
        log.log(4, name_tag.value_or(missing_name) + ": No module found in object");
        return Errno {ENOEXEC};
    }
    const std::string name = *name_tag;
    // What glibc will trust when it maps the module.
    auto layout = check_dynamic_linking(image, elf.dynsym, name);
    if (auto* error = std::get_if<std::string>(&layout)) {
        log.log(3, *error);
        return Errno {ENOEXEC};
    }

    unsigned long taints = 0;
    if (auto r = check_modinfo(kernel, name, info, elf.has_versions, flags, taints); r.is_error())
        return r;

    // Step 8: a module of the same name.
    if (Module* existing = kernel.modules().find(name))
        return Errno {existing->state == ModuleState::Live ? EEXIST : EBUSY};

    // Step 9: a module without a good signature taints E; the kernel says so once.
    if (!signature_ok) {
        if (!kernel.taint().test(TaintFlag::UnsignedModule))
            log.log(5, name + ": module verification failed: signature and/or required key missing - tainting kernel");
        kernel.taint().add(TaintFlag::UnsignedModule, false, log);
        taints |= taint_bit(TaintFlag::UnsignedModule);
    }

    std::vector<std::string> unresolved_weak;
    auto uses = resolve_symbols(kernel, name, elf, license_is_gpl_compatible(info.get("license").value_or("")),
        flags & module_init_ignore_modversions, unresolved_weak);
    if (uses.is_error())
        return Errno {uses.error()};

    // Step 13: map the checked bytes; the dynamic linker binds what step 12 checked.
    std::vector<std::byte> checked(image.begin(), image.end());
    bind_weak_symbols_to_zero(checked, std::get<DynamicLayout>(layout), unresolved_weak);
    auto file = ModuleImageFile::create(checked, name);
    if (file.is_error())
        return Errno {file.error()};
    std::string error_text;
    auto library = DynamicLibrary::open(file.value()->path(), error_text);
    file.value().reset(); // mapped (or refused): the copy has done its work
    if (library.is_error()) {
        log.log(3, name + ": " + error_text);
        return Errno {library.error()};
    }
    auto module = std::make_unique<Module>();
    module->library = library.release_value();
    module->descriptor = static_cast<const struct module*>(module->library->symbol("__this_module"));
    const struct module* d = module->descriptor;
    if (!d || !descriptor_is_sound(d, module->library->base_address(), std::get<DynamicLayout>(layout))
        || d->magic != KSIM_MODULE_MAGIC || d->abi_version != KSIM_ABI_VERSION
        || d->struct_size != sizeof(struct module)) {
        log.log(3, name + ": module was built for another ksim ABI; rebuild it against this SDK");
        return Errno {ENOEXEC};
    }
    module->id = kernel.modules().next_id();
    module->name = name;
    module->path = path;
    module->modinfo = std::move(info);
    module->taints = taints;
    module->base = module->library->base_address();
    module->core_size = module->library->mapped_size();
    module->symbols = std::move(elf.symbols);
    module->uses = uses.release_value();
    module->state = ModuleState::Unformed;
    Module& m = kernel.modules().add(std::move(module));
    for (OwnerId provider : m.uses)
        kernel.modules().find(provider)->refcount++;

    if (auto r = add_exports(kernel, m, elf.export_crcs); r.is_error()) {
        release_module(kernel, m.id);
        return r;
    }

    // Steps 15-16: COMING, with a reference held during init; then parameters.
    m.state = ModuleState::Coming;
    m.refcount = 1;
    auto parsed_args = parse_module_args(kernel, m.name, args, m.params());
    if (parsed_args.is_error())
        return Errno {parsed_args.error()}; // a set() Oopsed: the module stays COMING, as after a crash in init
    if (parsed_args.value() < 0) {
        release_module(kernel, m.id);
        return Errno {-parsed_args.value()};
    }
    return do_init_module(kernel, m);
}

} // namespace ksim
