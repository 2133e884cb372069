// modprobe: load or remove a module by name with its dependencies, as kmod's
// modprobe does from modules.dep and the modprobe.d configuration.
#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>

#include "loader/modinfo.h"
#include "shell/command.h"
#include "syscalls/syscalls.h"
#include "shell/kmod/lookup.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

constexpr int fatal_status = 1;

struct ModprobeOptions {
    bool remove = false, quiet = false, verbose = false, dry_run = false, show_depends = false;
    bool first_time = false, force = false, use_blacklist = false, all = false;
    std::string config_file, root;
};

class Modprobe {
public:
    Modprobe(CommandContext& c, const ModprobeOptions& options, kmod::ModuleTree tree)
        : m_c(c)
        , m_options(options)
        , m_tree(std::move(tree))
    {
    }

    void warn_config()
    {
        for (const std::string& warning : m_tree.config.warnings)
            log("WARNING", warning);
    }

    // Returns 0, 1, or 128 + the signal when the kernel killed the command (an Oops).
    int insert(const std::string& requested, const std::string& extra_options)
    {
        std::vector<std::string> names = m_tree.lookup(requested);
        if (names.empty()) {
            log("FATAL", "Module " + requested + " not found in directory " + m_tree.shown_dir);
            return fatal_status;
        }
        bool by_alias = names.size() != 1 || names[0] != module_name_from(requested);
        for (const std::string& name : names) {
            if (by_alias && m_options.use_blacklist && m_tree.config.blacklist.contains(name))
                continue;
            if (int status = insert_with_dependencies(name, extra_options); status != 0)
                return status;
        }
        return 0;
    }

    int remove(const std::string& requested)
    {
        std::vector<std::string> names = m_tree.lookup(requested);
        if (names.empty()) {
            log("FATAL", "Module " + requested + " not found.");
            return fatal_status;
        }
        for (const std::string& name : names) {
            if (int status = remove_with_dependencies(name); status != 0)
                return status;
        }
        return 0;
    }

private:
    bool loaded(const std::string& name) const
    {
        Module* m = m_c.kernel.modules().find(name);
        return m && m->state != ModuleState::Unformed;
    }

    bool in_use(const std::string& name) const
    {
        Module* m = m_c.kernel.modules().find(name);
        return m && (m->refcount != 0 || !m_c.kernel.modules().holders_of(m->id).empty());
    }

    std::vector<std::string> softdeps(const std::string& name, std::string_view which) const
    {
        auto configured = m_tree.config.softdeps.find(name);
        std::optional<std::string> text = configured != m_tree.config.softdeps.end()
            ? std::optional(configured->second)
            : (m_tree.index ? m_tree.index->softdep(name) : std::nullopt);
        std::vector<std::string> modules;
        std::istringstream words(text.value_or(""));
        bool in_section = false;
        for (std::string word; words >> word;) {
            if (word == "pre:" || word == "post:")
                in_section = word.substr(0, word.size() - 1) == which;
            else if (in_section)
                modules.push_back(word);
        }
        return modules;
    }

    int insert_with_dependencies(const std::string& name, const std::string& extra_options)
    {
        const kmod::DepEntry* entry = m_tree.index ? m_tree.index->find(name) : nullptr;
        if (!entry) {
            log("FATAL", "Module " + name + " not found in directory " + m_tree.shown_dir);
            return fatal_status;
        }
        for (const std::string& pre : softdeps(name, "pre"))
            if (int status = insert_quietly_if_needed(pre); status > 128)
                return status;
        for (auto dep = entry->dependencies.rbegin(); dep != entry->dependencies.rend(); ++dep) {
            std::string dep_name = module_name_from(*dep);
            if (loaded(dep_name) && !m_options.show_depends)
                continue;
            if (int error = insmod(dep_name, m_tree.config.options_of(dep_name)); error != 0)
                return report_insert_error(name, error);
        }
        if (loaded(name) && !m_options.show_depends) {
            if (!m_options.first_time)
                return 0;
            log("ERROR", "could not insert '" + name + "': Module already in kernel");
            return 1;
        }
        std::string options = m_tree.config.options_of(name);
        if (!extra_options.empty())
            options += (options.empty() ? "" : " ") + extra_options;
        if (int error = insmod(name, options); error != 0)
            return report_insert_error(name, error);
        for (const std::string& post : softdeps(name, "post"))
            if (int status = insert_quietly_if_needed(post); status > 128)
                return status;
        return 0;
    }

    // Soft dependencies are best effort, as in kmod.
    int insert_quietly_if_needed(const std::string& name)
    {
        if (loaded(name) && !m_options.show_depends)
            return 0;
        int error = insmod(name, m_tree.config.options_of(name));
        return task_died(error) ? task_death_status(error) : 0;
    }

    // Returns 0 or the errno of finit_module.
    int insmod(const std::string& name, const std::string& options)
    {
        std::string shown = m_tree.shown_file_of(name);
        if (m_options.verbose || m_options.show_depends)
            m_c.out << "insmod " << shown << " " << options << "\n";
        if (m_options.dry_run || m_options.show_depends)
            return 0;
        std::optional<std::filesystem::path> file = m_tree.file_of(name);
        if (!file)
            return ENOENT;
        long fd = sys::open(file->c_str(), O_RDONLY);
        if (fd < 0)
            return static_cast<int>(-fd);
        long loaded = sys::finit_module(static_cast<int>(fd), options.c_str(),
            m_options.force ? module_init_ignore_vermagic | module_init_ignore_modversions : 0);
        sys::close(static_cast<int>(fd));
        return loaded < 0 ? static_cast<int>(-loaded) : 0;
    }

    int report_insert_error(const std::string& name, int error)
    {
        if (task_died(error)) {
            m_c.err << task_death_message(error) << "\n";
            return task_death_status(error);
        }
        std::string text = error == EEXIST ? "Module already in kernel"
            : error == ENOENT              ? "Unknown symbol in module, or unknown parameter (see dmesg)"
                                           : std::strerror(error);
        log("ERROR", "could not insert '" + name + "': " + text);
        return 1;
    }

    int remove_with_dependencies(const std::string& name)
    {
        if (!loaded(name)) {
            if (!m_options.first_time)
                return 0;
            log("FATAL", "Module " + name + " is not in kernel.");
            return fatal_status;
        }
        if (in_use(name)) {
            log("FATAL", "Module " + name + " is in use.");
            return fatal_status;
        }
        if (int status = rmmod(name); status != 0)
            return status;
        // Then the dependencies nothing uses any more; errors are ignored.
        const kmod::DepEntry* entry = m_tree.index ? m_tree.index->find(name) : nullptr;
        for (const std::string& dep : entry ? entry->dependencies : std::vector<std::string> {}) {
            std::string dep_name = module_name_from(dep);
            if (loaded(dep_name) && !in_use(dep_name))
                if (int status = rmmod(dep_name); status > 128)
                    return status;
        }
        return 0;
    }

    int rmmod(const std::string& name)
    {
        if (m_options.verbose)
            m_c.out << "rmmod " << m_tree.shown_file_of(name) << "\n";
        if (m_options.dry_run)
            return 0;
        long removed = sys::delete_module(name.c_str(), 0);
        if (removed == 0)
            return 0;
        int error = static_cast<int>(-removed);
        if (task_died(error)) {
            m_c.err << task_death_message(error) << "\n";
            return task_death_status(error);
        }
        log("ERROR", "could not remove '" + name + "': " + std::strerror(error));
        return 1;
    }

    void log(const std::string& level, const std::string& text)
    {
        if (!m_options.quiet)
            m_c.err << "modprobe: " << level << ": " << text << "\n";
    }

    CommandContext& m_c;
    const ModprobeOptions& m_options;
    kmod::ModuleTree m_tree;
};

void print_usage(std::ostream& out)
{
    out << "Usage:\n"
           "\tmodprobe [options] [-i] [-b] modulename\n"
           "\tmodprobe [options] -a [-i] [-b] modulename [modulename...]\n"
           "\tmodprobe [options] -r [-i] modulename\n"
           "\tmodprobe [options] -r -a [-i] modulename [modulename...]\n"
           "Options:\n"
           "\t-a, --all                   Consider every non-argument to\n"
           "\t                            be a module name to be inserted\n"
           "\t                            or removed (-r)\n"
           "\t-r, --remove                Remove modules instead of inserting\n"
           "\t    --first-time            Fail if module already inserted or removed\n"
           "\t-b, --use-blacklist         Apply blacklist to resolved alias.\n"
           "\t-f, --force                 Force module insertion or removal.\n"
           "\t    --show-depends          Only print module dependencies and exit\n"
           "\t-n, --dry-run               Do not execute operations, just print out\n"
           "\t-C, --config=FILE           Use FILE instead of default search paths\n"
           "\t-d, --dirname=DIR           Use DIR as filesystem root for /lib/modules\n"
           "\t-q, --quiet                 disable messages\n"
           "\t-v, --verbose               enables more messages\n"
           "\t-h, --help                  show this help\n";
}

} // namespace

int cmd_modprobe(CommandContext& c)
{
    ModprobeOptions options;
    std::vector<std::string> args;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (!args.empty() && !options.all && !options.remove) {
            args.push_back(a); // after the module name: its parameters
            continue;
        }
        auto value = [&](const std::string& long_name) -> std::optional<std::string> {
            if (a.starts_with(long_name + "="))
                return a.substr(long_name.size() + 1);
            if (i + 1 < c.args.size())
                return c.args[++i];
            return std::nullopt;
        };
        if (a == "-r" || a == "--remove")
            options.remove = true;
        else if (a == "-q" || a == "--quiet")
            options.quiet = true;
        else if (a == "-v" || a == "--verbose")
            options.verbose = true;
        else if (a == "-n" || a == "--dry-run")
            options.dry_run = true;
        else if (a == "-D" || a == "--show-depends")
            options.show_depends = true;
        else if (a == "--first-time")
            options.first_time = true;
        else if (a == "-f" || a == "--force")
            options.force = true;
        else if (a == "-b" || a == "--use-blacklist")
            options.use_blacklist = true;
        else if (a == "-a" || a == "--all")
            options.all = true;
        else if (a == "-i" || a == "--ignore-install" || a == "-s" || a == "--syslog")
            continue;
        else if (a == "-C" || a.starts_with("--config")) {
            auto v = value("--config");
            options.config_file = v.value_or("");
        } else if (a == "-d" || a.starts_with("--dirname")) {
            auto v = value("--dirname");
            options.root = v.value_or("");
        } else if (a == "-h" || a == "--help") {
            print_usage(c.out);
            return 0;
        } else if (a.size() > 1 && a[0] == '-') {
            c.err << "modprobe: ERROR: unexpected getopt_long() value '" << a.substr(1) << "'.\n";
            return 1;
        } else
            args.push_back(a);
    }
    if (args.empty()) {
        c.err << "modprobe: ERROR: missing parameters. See -h.\n";
        return 1;
    }
    Modprobe modprobe(c, options, kmod::ModuleTree::open(c.shell, options.root, options.config_file));
    modprobe.warn_config();
    if (!options.all && !options.remove) {
        std::string extra;
        for (size_t i = 1; i < args.size(); ++i)
            extra += (extra.empty() ? "" : " ") + args[i];
        return modprobe.insert(args[0], extra);
    }
    int status = 0;
    for (const std::string& name : args) {
        int result = options.remove ? modprobe.remove(name) : modprobe.insert(name, "");
        if (result > 128 || (result != 0 && options.remove))
            return result;
        status = result ? result : status;
    }
    return status;
}

} // namespace ksim::shell
