// ksim: boots the kernel and runs the shell: interactively, a script, or `-c COMMANDS`.
#include <linux/close_range.h>
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "shell/attach.h"
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

// The machine under the kernel, once it has shut down: a restart is this
// program started again (a fresh kernel, the same terminal and options);
// halt and power-off end it, as does a restart asked for by a script, whose
// machine goes away with it.
void run_machine(ksim::Kernel::MachineAction action, bool interactive, char** argv)
{
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    if (action == ksim::Kernel::MachineAction::restart && interactive) {
        // Nothing of this boot may leak into the next: no descriptor but
        // the terminal's, no blocked signal.
        close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, nullptr);
        execv("/proc/self/exe", argv);
        std::perror("ksim: restart");
    }
    std::_Exit(0);
}

} // namespace

int main(int argc, char** argv)
{
    if (ksim::lessons::is_lesson_command(argc, argv))
        return ksim::lessons::run_lesson_command(argc, argv);
    if (argc >= 2 && std::string_view(argv[1]) == "attach")
        return ksim::shell::attach_to_ksim(argc, argv);
    po::options_description visible("Usage: ksim [options] [script.ksh]\n       ksim attach [PID]\n\nOptions");
    visible.add_options()("help,h", "show this help")("version", "show the version")(
        "command,c", po::value<std::string>(), "run COMMANDS (as a shell line) and exit with their status")(
        "root", "start the shell as root instead of the unprivileged learner")(
        "cpus", po::value<int>()->default_value(2), "boot with N CPUs (1 to 64)")("sig-enforce",
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
        std::cout << visible
                  << "\nWithout -c or a script, ksim starts an interactive shell; `ksim attach` opens another\n"
                     "terminal on it (the newest one running, or the one with that PID).\n";
        return 0;
    }
    if (vm.count("version")) {
        std::cout << "ksim 0.1.0 (Linux " << KSIM_UTS_RELEASE << ", module ABI " << KSIM_ABI_VERSION << ")\n";
        return 0;
    }

    // Linux's NR_CPUS would allow more; 64 keeps a machine's worth of host threads.
    const int cpus = vm["cpus"].as<int>();
    if (cpus < 1 || cpus > 64) {
        std::cerr << "ksim: the argument ('" << cpus << "') for option '--cpus' is invalid: from 1 to 64\n"
                  << "Try 'ksim --help' for more information.\n";
        return 2;
    }
    ksim::Kernel kernel(cpus);
    // The console shares the terminal with command output; keep them in order.
    kernel.log().set_console([](std::string_view line) {
        std::cout.flush();
        std::cerr << line << std::flush;
    });
    const bool interactive = !vm.count("command") && !vm.count("script") && isatty(STDIN_FILENO);
    kernel.set_machine([interactive, argv](ksim::Kernel::MachineAction action) {
        run_machine(action, interactive, argv);
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
    if (interactive) {
        // Other terminals may join this kernel with `ksim attach`.
        ksim::shell::AttachPoint attach_point(kernel, shell.sysroot(), shell.uid());
        return ksim::shell::run_interactive(shell);
    }
    return shell.run_script(std::cin);
}
