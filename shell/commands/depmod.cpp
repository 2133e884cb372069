// depmod: scan /lib/modules/<release> and write the index files modprobe
// reads (modules.dep, modules.alias, modules.softdep, modules.symbols,
// modules.devname), in kmod's text formats.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include <ksim/abi.h>

#include "shell/command.h"
#include "shell/kmod/depmod_index.h"
#include "shell/shell.h"
#include "symbols/kernel_export_list.h"

namespace ksim::shell {

int cmd_depmod(CommandContext& c)
{
    bool dry_run = false, warn_unknown = false, quick = false;
    std::string base, release = KSIM_UTS_RELEASE;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a == "-a" || a == "--all" || a == "-v" || a == "--verbose")
            continue;
        if (a == "-A" || a == "--quick")
            quick = true;
        else if (a == "-n" || a == "--show" || a == "--dry-run")
            dry_run = true;
        else if (a == "-e" || a == "--errsyms")
            warn_unknown = true;
        else if ((a == "-b" || a == "--basedir") && i + 1 < c.args.size())
            base = c.args[++i];
        else if (a.starts_with("--basedir="))
            base = a.substr(10);
        else if (a == "-h" || a == "--help") {
            c.out << "Usage:\n\tdepmod -[aA] [options] [forced_version]\n\nOptions:\n"
                     "\t-a, --all            Probe all modules\n"
                     "\t-A, --quick          Only does the work if there's a new module\n"
                     "\t-e, --errsyms        Report not supplied symbols\n"
                     "\t-n, --show           Write the dependency file on stdout only\n"
                     "\t-b, --basedir=DIR    Use an image of a module tree.\n"
                     "\t-h, --help           show this help\n";
            return 0;
        } else if (a.size() > 1 && a[0] == '-') {
            c.err << "depmod: ERROR: unknown option '" << a << "'\n";
            return 1;
        } else
            release = a;
    }
    std::string shown_dir = base + "/lib/modules/" + release;
    std::filesystem::path dir = c.shell.host_path(shown_dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        c.err << "depmod: ERROR: could not open directory " << shown_dir << ": No such file or directory\n";
        return 1;
    }
    if (quick && std::filesystem::exists(dir / "modules.dep", ec)) {
        auto built = std::filesystem::last_write_time(dir / "modules.dep", ec);
        bool newer = false;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
            newer = newer || (entry.path().extension() == ".ko" && entry.last_write_time(ec) > built);
        if (!newer)
            return 0;
    }

    // Files the kernel build installs; kmod's depmod reads them and says so when they are missing.
    for (const char* expected : {"modules.order", "modules.builtin", "modules.builtin.modinfo"})
        if (!std::filesystem::exists(dir / expected, ec))
            c.err << "depmod: WARNING: could not open " << expected << " at " << shown_dir
                  << ": No such file or directory\n";
    std::vector<std::string> scan_errors;
    std::vector<kmod::ModuleFile> modules = kmod::scan_module_tree(dir, scan_errors);
    for (const std::string& error : scan_errors)
        c.err << "depmod: ERROR: failed to load symbols from " << error << "\n";
    std::set<std::string> kernel_symbols;
    for (const KernelExport& e : kernel_export_list())
        kernel_symbols.insert(e.name);
    kmod::DepmodResult result = kmod::build_depmod_indexes(modules, kernel_symbols, warn_unknown);
    for (const std::string& warning : result.warnings)
        c.err << "depmod: WARNING: " << shown_dir << "/" << warning << "\n";
    if (!result.errors.empty()) {
        for (const std::string& error : result.errors)
            c.err << "depmod: ERROR: " << error << "\n";
        return 1;
    }
    for (const auto& [name, text] : result.files) {
        if (dry_run) {
            if (!name.ends_with(".bin")) // as kmod's, -n prints the text indexes only
                c.out << text;
            continue;
        }
        // /lib/modules is root's: kmod's depmod reports each file it cannot create.
        std::string temporary = name + ".tmp";
        if (!c.root) {
            c.err << "depmod: ERROR: openat(" << shown_dir << ", " << temporary << ", 1101, 644): Permission denied\n";
            continue;
        }
        std::ofstream out(dir / temporary, std::ios::trunc | std::ios::binary);
        out << text;
        if (!out.flush()) {
            c.err << "depmod: ERROR: Could not write index '" << name << "': " << std::strerror(errno) << "\n";
            return 1;
        }
        out.close();
        std::filesystem::rename(dir / temporary, dir / name, ec);
    }
    return 0;
}

} // namespace ksim::shell
