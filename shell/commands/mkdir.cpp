// mkdir: make directories (GNU coreutils' messages); host folders for real, /proc, /sys and /dev through the kernel.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "shell/command.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

constexpr unsigned directory_mode = 0777 & ~022U; // under the default umask

// mkdir(2) on what the learner calls `path`; the sysroot is root's, as /lib is.
int make_directory(CommandContext& c, const std::string& path)
{
    std::string full = c.shell.host_path(path);
    if (c.shell.is_system_file(full) && !c.root) {
        struct stat st;
        return sys::stat(full.c_str(), &st) == 0 ? EEXIST : EACCES;
    }
    return static_cast<int>(-sys::mkdir(full.c_str(), directory_mode));
}

bool is_directory(CommandContext& c, const std::string& path)
{
    struct stat st;
    return sys::stat(c.shell.host_path(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// -p: each missing ancestor first, as mkancesdirs() does; an ancestor that
// cannot be made or entered fails the whole operand.
int make_with_parents(CommandContext& c, const std::string& path)
{
    for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        std::string ancestor = path.substr(0, slash);
        if (ancestor.ends_with('/') || ancestor.ends_with("/.") || ancestor == "." || ancestor == "..")
            continue;
        int error = make_directory(c, ancestor);
        if (error == EEXIST && !is_directory(c, ancestor))
            return ENOTDIR;
        if (error && error != EEXIST)
            return error;
    }
    int error = make_directory(c, path);
    return error == EEXIST && is_directory(c, path) ? 0 : error;
}

} // namespace

int cmd_mkdir(CommandContext& c)
{
    bool parents = false;
    std::vector<std::string> paths;
    for (size_t i = 1; i < c.args.size(); ++i) {
        if (c.args[i] == "-p")
            parents = true;
        else
            paths.push_back(c.args[i]);
    }
    if (paths.empty()) {
        c.err << "mkdir: missing operand\nTry 'mkdir --help' for more information.\n";
        return 1;
    }
    int status = 0;
    for (const std::string& path : paths) {
        if (int error = parents ? make_with_parents(c, path) : make_directory(c, path)) {
            c.err << "mkdir: cannot create directory '" << path << "': " << std::strerror(error) << "\n";
            status = 1;
        }
    }
    return status;
}

} // namespace ksim::shell
