// rmmod: the checks kmod makes through /sys before asking the kernel, then delete_module.
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "loader/modinfo.h"
#include "shell/command.h"

namespace ksim::shell {

namespace {

// kmod's check_module_inuse(), reading what /sys/module/<name> shows.
bool check_module_inuse(CommandContext& c, const std::string& name)
{
    Module* module = c.kernel.modules().find(name);
    if (!module || module->state == ModuleState::Unformed) {
        c.err << "rmmod: ERROR: Module " << name << " is not currently loaded\n";
        return false;
    }
    auto holders = c.kernel.modules().holders_of(module->id);
    if (!holders.empty()) {
        c.err << "rmmod: ERROR: Module " << name << " is in use by:";
        for (const Module* h : holders)
            c.err << " " << h->name;
        c.err << "\n";
        return false;
    }
    if (module->refcount != 0) {
        c.err << "rmmod: ERROR: Module " << name << " is in use\n";
        return false;
    }
    return true;
}

} // namespace

int cmd_rmmod(CommandContext& c)
{
    unsigned flags = 0;
    std::vector<std::string> names;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a == "-f" || a == "--force")
            flags |= delete_module_force;
        else if (a == "-s" || a == "--syslog" || a == "-v" || a == "--verbose" || a == "-w" || a == "--wait")
            continue;
        else if (a == "-h" || a == "--help") {
            c.out << "Usage:\n\trmmod [options] modulename ...\nOptions:\n\t-f, --force       forces a module unload "
                     "and may crash your\n\t                  machine. This requires Forced Module Removal\n\t         "
                     "         option in your kernel. DANGEROUS\n\t-s, --syslog      print to syslog, not "
                     "stderr\n\t-v, --verbose     enables more messages\n\t-V, --version     show version\n\t-h, "
                     "--help        show this help\n";
            return 0;
        } else
            names.push_back(a);
    }
    if (names.empty()) {
        c.err << "rmmod: ERROR: missing module name.\n";
        return 1;
    }
    int failures = 0;
    for (const std::string& arg : names) {
        std::string name = module_name_from(arg);
        if (!(flags & delete_module_force) && !check_module_inuse(c, name)) {
            ++failures;
            continue;
        }
        auto result = c.kernel.delete_module(name, flags);
        if (result.is_error()) {
            if (task_died(result.error())) {
                c.err << task_death_message(result.error()) << "\n";
                return task_death_status(result.error());
            }
            c.err << "rmmod: ERROR: could not remove '" << name << "': " << std::strerror(result.error()) << "\n";
            c.err << "rmmod: ERROR: could not remove module " << arg << ": " << std::strerror(result.error()) << "\n";
            ++failures;
        }
    }
    return failures ? 1 : 0;
}

} // namespace ksim::shell
