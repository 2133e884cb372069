// The grading sandbox's view of the machine (see sandbox.h).
#include "shell/lessons/sandbox.h"

#include <unistd.h>

#include <cstdlib>

#include "shell/lessons/lesson.h"
#include "shell/lessons/module_build.h"

namespace fs = std::filesystem;

namespace ksim::lessons {

namespace {

fs::path self_executable()
{
    return fs::read_symlink("/proc/self/exe");
}

// (Not "bind": std::bind would win overload resolution for a temporary path.)
void expose(std::vector<std::string>& command, const char* how, const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return;
    fs::path real = fs::canonical(path, ec);
    command.insert(command.end(), {how, real.string(), real.string()});
}

} // namespace

bool sandbox_available()
{
    return std::system("bwrap --ro-bind / / --unshare-all true >/dev/null 2>&1") == 0;
}

std::vector<std::string> sandbox_command(const SandboxView& view, const std::vector<std::string>& arguments)
{
    std::vector<std::string> command = {"bwrap", "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"};
    // /bin, /lib, ...: links into /usr on a merged-/usr system, folders elsewhere.
    for (const char* top : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
        std::error_code ec;
        if (fs::is_symlink(top, ec))
            command.insert(command.end(), {"--symlink", fs::read_symlink(top, ec).string(), top});
        else if (fs::is_directory(top, ec))
            command.insert(command.end(), {"--ro-bind", top, top});
    }
    command.insert(command.end(), {"--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"});
    expose(command, "--ro-bind", self_executable());
    expose(command, "--ro-bind", sdk_folder());
    expose(command, "--ro-bind", build_folder() / "sdk"); // modpost and the kernel's Module.symvers
    expose(command, "--ro-bind", lessons_root());
    for (const fs::path& path : view.read_only)
        expose(command, "--ro-bind", path);
    for (const fs::path& path : view.writable)
        expose(command, "--bind", path);
    if (!view.temporary.empty())
        command.insert(command.end(), {"--setenv", "TMPDIR", view.temporary.string()});
    else
        command.insert(command.end(), {"--setenv", "TMPDIR", "/tmp"});
    command.insert(command.end(),
        {"--unshare-all", "--die-with-parent", "--new-session", "--chdir", view.working_directory.string(), "--",
            self_executable().string()});
    command.insert(command.end(), arguments.begin(), arguments.end());
    return command;
}

void exec_command(const std::vector<std::string>& command)
{
    std::vector<char*> argv;
    for (const std::string& part : command)
        argv.push_back(const_cast<char*>(part.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
}

} // namespace ksim::lessons
