// rmmod: the checks kmod makes through /sys before asking the kernel, then delete_module.
#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "loader/modinfo.h"
#include "shell/command.h"
#include "shell/file_info.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

// One sysfs attribute's text, or nothing when it cannot be read.
std::optional<std::string> read_attribute(CommandContext& c, const std::string& path)
{
    auto file = c.shell.open(path, O_RDONLY);
    if (file.is_error())
        return std::nullopt;
    auto text = file.value()->read(4096);
    if (text.is_error())
        return std::nullopt;
    return text.release_value();
}

// kmod's check_module_inuse(): what /sys/module/<name> shows.
bool check_module_inuse(CommandContext& c, const std::string& name)
{
    std::string folder = "/sys/module/" + name;
    if (!read_attribute(c, folder + "/initstate")) {
        struct stat st;
        bool builtin = sys::stat(folder.c_str(), &st) == 0;
        c.err << "rmmod: ERROR: Module " << name << (builtin ? " is builtin.\n" : " is not currently loaded\n");
        return false;
    }
    auto holders = list_directory(c.shell, folder + "/holders");
    if (!holders.is_error() && !holders.value().empty()) {
        c.err << "rmmod: ERROR: Module " << name << " is in use by:";
        for (const std::string& holder : holders.value())
            c.err << " " << holder;
        c.err << "\n";
        return false;
    }
    std::optional<std::string> refcnt = read_attribute(c, folder + "/refcnt");
    if (!refcnt) {
        c.err << "rmmod: ERROR: Module unloading is not supported\n";
        return false;
    }
    if (std::atoi(refcnt->c_str()) > 0) {
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
        if (long removed = sys::delete_module(name.c_str(), flags); removed < 0) {
            int error = static_cast<int>(-removed);
            if (task_died(error)) {
                c.err << task_death_message(error) << "\n";
                return task_death_status(error);
            }
            c.err << "rmmod: ERROR: could not remove '" << name << "': " << std::strerror(error) << "\n";
            c.err << "rmmod: ERROR: could not remove module " << arg << ": " << std::strerror(error) << "\n";
            ++failures;
        }
    }
    return failures ? 1 : 0;
}

} // namespace ksim::shell
