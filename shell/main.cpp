// ksim: boots the kernel and runs the shell: interactively, a script, or `-c COMMANDS`.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "shell/lessons/lesson_tool.h"
#include "shell/repl.h"
#include "shell/shell.h"

namespace po = boost::program_options;

namespace {

// The build writes <build>/sysroot next to <build>/shell/ksim, with
// lib/modules/<release> holding the bundled modules.
std::filesystem::path default_sysroot()
{
    if (const char* env = std::getenv("KSIM_SYSROOT"))
        return env;
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path().parent_path() / "sysroot";
}

} // namespace

int main(int argc, char** argv)
{
    if (ksim::lessons::is_lesson_command(argc, argv))
        return ksim::lessons::run_lesson_command(argc, argv);
    po::options_description visible("Usage: ksim [options] [script.ksh]\n\nOptions");
    visible.add_options()("help,h", "show this help")("version", "show the version")(
        "command,c", po::value<std::string>(), "run COMMANDS (as a shell line) and exit with their status")(
        "root", "start the shell as root instead of the unprivileged learner")("sig-enforce",
        "boot with module.sig_enforce=1: refuse modules without a good signature")("sysroot", po::value<std::string>(),
        "host folder that holds /lib/modules/<release> and /etc/modprobe.d (default: $KSIM_SYSROOT, "
        "else the build's sysroot)");
    po::options_description hidden;
    hidden.add_options()("script", po::value<std::string>(), "script file");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("script", 1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "ksim: " << e.what() << "\nTry 'ksim --help' for more information.\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << visible << "\nWithout -c or a script, ksim starts an interactive shell.\n";
        return 0;
    }
    if (vm.count("version")) {
        std::cout << "ksim 0.1.0 (Linux " << KSIM_UTS_RELEASE << ", module ABI " << KSIM_ABI_VERSION << ")\n";
        return 0;
    }

    ksim::Kernel kernel;
    // The console shares the terminal with command output; keep them in order.
    kernel.log().set_console([](std::string_view line) {
        std::cout.flush();
        std::cerr << line << std::flush;
    });
    if (vm.count("sig-enforce"))
        kernel.enforce_module_signatures();
    ksim::shell::Shell shell(kernel, vm.count("root") ? 0 : ksim::shell::learner_uid);
    std::filesystem::path sysroot
        = vm.count("sysroot") ? std::filesystem::path(vm["sysroot"].as<std::string>()) : default_sysroot();
    if (!sysroot.empty())
        shell.set_sysroot(std::filesystem::absolute(sysroot).lexically_normal());

    if (vm.count("command"))
        return shell.run_line(vm["command"].as<std::string>()), shell.exit_requested().value_or(shell.last_status());
    if (vm.count("script")) {
        std::ifstream script(vm["script"].as<std::string>());
        if (!script) {
            std::cerr << "ksim: " << vm["script"].as<std::string>() << ": No such file or directory\n";
            return 127;
        }
        return shell.run_script(script);
    }
    if (isatty(STDIN_FILENO))
        return ksim::shell::run_interactive(shell);
    return shell.run_script(std::cin);
}
