// modpost: the step between compiling a module and linking its .ko, as in
// Linux's Kbuild. It reads each module object, resolves the symbols it needs
// against the kernel's and other modules' exports (Module.symvers files),
// reports what Linux's modpost reports in the same words, and writes the
// module's .mod.c (with "depends=") and the Module.symvers of its exports.
//
//   modpost [-w] [-i Module.symvers]... [-o Module.symvers] module.o...
//   modpost --vmlinux -o Module.symvers       (the kernel's own exports)
#include <boost/program_options.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "loader/modinfo.h"
#include "export_visibility.h"
#include "mod_c.h"
#include "symbol_crc.h"
#include "object_file.h"
#include "section_mismatch.h"
#include "symbols/kernel_export_list.h"
#include "symvers.h"

namespace po = boost::program_options;
using namespace ksim::modpost;

namespace {

// Linux stops listing unresolved symbols after this many.
constexpr unsigned max_unresolved_reports = 10;

struct Module {
    std::string path; // the object's path without ".o"
    ksim::ModInfo modinfo;
    ObjectFile object;
    bool gpl_compatible = true;
    SymbolCrcs export_crcs; // of the exports the object's debug information describes
};

class Modpost {
public:
    Modpost(bool warn_unresolved, bool allow_missing_license)
        : m_warn_unresolved(warn_unresolved)
        , m_allow_missing_license(allow_missing_license)
    {
    }

    bool failed() const { return m_failed; }

    void load_symvers(const std::string& path)
    {
        std::string bad_line;
        std::optional<std::vector<SymversEntry>> entries = read_symvers(path, bad_line);
        if (!entries)
            fatal(path + ": No such file or directory");
        if (!bad_line.empty())
            fatal("parse error in symbol dump file");
        for (SymversEntry& entry : *entries)
            m_exports.emplace(entry.symbol, std::move(entry));
    }

    void add_vmlinux()
    {
        for (const ksim::KernelExport& e : ksim::kernel_export_list())
            add_export({0, e.name, "vmlinux", e.gpl_only, ""});
    }

    void read_module(const std::string& object_path)
    {
        auto result = read_object_file(object_path);
        if (auto* error = std::get_if<ReadError>(&result))
            fatal(error->message);
        if (std::optional<std::string> error = make_exports_visible(object_path))
            fatal(*error);
        // A warning, as on a Linux with CONFIG_SECTION_MISMATCH_WARN_ONLY=y (the default).
        for (const std::string& report : section_mismatches(object_path))
            log(false, report);
        Module module;
        module.path = object_path.ends_with(".o") ? object_path.substr(0, object_path.size() - 2) : object_path;
        module.object = std::move(std::get<ObjectFile>(result));
        module.modinfo = ksim::ModInfo(module.object.modinfo);
        std::vector<std::string> licenses = module.modinfo.get_all("license");
        if (licenses.empty() && !m_allow_missing_license)
            error("missing MODULE_LICENSE() in " + object_path);
        for (const std::string& license : licenses)
            if (!ksim::license_is_gpl_compatible(license))
                module.gpl_compatible = false;
        std::vector<std::string> names;
        for (const Export& e : module.object.exports)
            names.push_back(e.name);
        std::map<std::string, uint32_t> crcs = symbol_crcs(object_path, names);
        for (const Export& e : module.object.exports) {
            auto crc = crcs.find(e.name);
            if (crc != crcs.end())
                module.export_crcs.emplace_back(e.name, crc->second);
            add_export({crc == crcs.end() ? 0 : crc->second, e.name, module.path, e.gpl_only, ""});
        }
        m_modules.push_back(std::move(module));
    }

    // Resolves every module's imports and writes its .mod.c.
    void check_and_write_modules()
    {
        unsigned unresolved = 0;
        for (const Module& module : m_modules) {
            std::vector<std::string> depends;
            SymbolCrcs versions;
            std::string file = module.path.substr(module.path.rfind('/') + 1);
            for (const Import& import : module.object.imports) {
                auto found = m_exports.find(import.name);
                if (found == m_exports.end()) {
                    if (!import.weak && unresolved++ < max_unresolved_reports)
                        log(!m_warn_unresolved, "\"" + import.name + "\" [" + module.path + ".ko] undefined!");
                    continue;
                }
                const SymversEntry& owner = found->second;
                if (owner.module != module.path)
                    versions.emplace_back(import.name, owner.crc);
                if (owner.gpl_only && !module.gpl_compatible)
                    error("GPL-incompatible module " + file + ".ko uses GPL-only symbol '" + import.name + "'");
                if (owner.module == "vmlinux" || owner.module == module.path)
                    continue;
                std::string name = ksim::module_name_from(owner.module);
                if (std::find(depends.begin(), depends.end(), name) == depends.end())
                    depends.push_back(name);
            }
            if (!write_if_changed(
                    module.path + ".mod.c", mod_c_text(module.path, depends, versions, module.export_crcs)))
                fatal(module.path + ".mod.c: cannot write");
        }
        if (unresolved > max_unresolved_reports)
            std::cerr << "WARNING: modpost: suppressed " << unresolved - max_unresolved_reports
                      << " unresolved symbol warnings because there were too many)\n";
    }

    // The exports of this run (not those read from other Module.symvers), in
    // module order then export order, as Linux writes them.
    void write_symvers(const std::string& path) const
    {
        std::ofstream out(path, std::ios::trunc);
        out << format_symvers(m_own_exports);
        if (!out.flush())
            fatal(path + ": cannot write");
    }

private:
    // An export of this run. One already read from a Module.symvers is
    // replaced (that file may be stale); one defined twice in this run is an error.
    void add_export(SymversEntry entry)
    {
        auto [it, inserted] = m_exports.try_emplace(entry.symbol, entry);
        if (!inserted && m_own_symbols.contains(entry.symbol)) {
            const std::string& previous = it->second.module;
            error(entry.module + ": '" + entry.symbol + "' exported twice. Previous export was in " + previous
                + (previous == "vmlinux" ? "" : ".ko"));
            return;
        }
        it->second = entry;
        m_own_symbols.insert(entry.symbol);
        m_own_exports.push_back(std::move(entry));
    }

    void log(bool is_error, const std::string& message)
    {
        std::cerr << (is_error ? "ERROR" : "WARNING") << ": modpost: " << message << '\n';
        if (is_error)
            m_failed = true;
    }
    void error(const std::string& message) { log(true, message); }
    [[noreturn]] static void fatal(const std::string& message)
    {
        std::cerr << "FATAL: modpost: " << message << '\n';
        std::exit(1);
    }

    bool m_warn_unresolved;
    bool m_allow_missing_license;
    bool m_failed = false;
    std::map<std::string, SymversEntry> m_exports; // every export known, by symbol
    std::set<std::string> m_own_symbols; // exports defined in this run
    std::vector<SymversEntry> m_own_exports;
    std::vector<Module> m_modules;
};

} // namespace

int main(int argc, char** argv)
{
    po::options_description options("modpost options");
    options.add_options()("help,h", "show this help")(
        "warn-unresolved,w", "report unresolved symbols as warnings, not errors (KBUILD_MODPOST_WARN)")("input,i",
        po::value<std::vector<std::string>>()->default_value({}, ""),
        "read exports from this Module.symvers (the kernel's, KBUILD_EXTRA_SYMBOLS)")(
        "output,o", po::value<std::string>(), "write this run's exports to this Module.symvers")(
        "vmlinux", "write the kernel's own exports (needs -o)")("allow-missing-license",
        "ksim only, for demonstration modules: build a module without MODULE_LICENSE() (Linux 6.1 refuses)");
    po::options_description hidden;
    hidden.add_options()("object", po::value<std::vector<std::string>>()->default_value({}, ""));
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("object", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "modpost: " << e.what() << '\n';
        return 2;
    }
    if (vm.count("help")) {
        std::cout << "Usage: modpost [-w] [-i Module.symvers]... [-o Module.symvers] module.o...\n" << options;
        return 0;
    }

    Modpost modpost(vm.count("warn-unresolved") > 0, vm.count("allow-missing-license") > 0);
    for (const std::string& symvers : vm["input"].as<std::vector<std::string>>())
        modpost.load_symvers(symvers);
    if (vm.count("vmlinux"))
        modpost.add_vmlinux();
    for (const std::string& object : vm["object"].as<std::vector<std::string>>())
        modpost.read_module(object);
    modpost.check_and_write_modules();
    if (vm.count("output"))
        modpost.write_symvers(vm["output"].as<std::string>());
    return modpost.failed() ? 1 : 0;
}
