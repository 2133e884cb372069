// jobs and wait: the shell's builtins for its background jobs.
#include <iostream>

#include "shell/command.h"
#include "shell/interrupt.h"
#include "shell/shell.h"

namespace ksim::shell {

int cmd_jobs(CommandContext& c)
{
    for (const std::string& line : c.shell.jobs().report())
        c.out << line << "\n";
    return 0;
}

// wait: with no operand, every job; otherwise each job or pid named, and the
// status is the last one's (127 for one that is not a job of this shell).
int cmd_wait(CommandContext& c)
{
    c.out.flush();
    if (c.args.size() == 1) {
        c.shell.jobs().wait_all();
        return 0;
    }
    int status = 0;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& spec = c.args[i];
        Job* job = c.shell.jobs().find(spec);
        if (!job) {
            if (spec.starts_with('%'))
                c.err << "ksim: wait: " << spec << ": no such job\n";
            else if (spec.find_first_not_of("0123456789") != std::string::npos)
                c.err << "ksim: wait: `" << spec << "': not a pid or valid job spec\n";
            else
                c.err << "ksim: wait: pid " << spec << " is not a child of this shell\n";
            status = 127;
            continue;
        }
        status = c.shell.jobs().wait(*job);
    }
    return status;
}

// fg: the job (the current one by default) comes to the foreground: the
// shell prints its command, Ctrl-C reaches its processes, and the shell
// waits for it. Without job control (a script) bash refuses.
int cmd_fg(CommandContext& c)
{
    if (!c.shell.interactive()) {
        c.err << "ksim: fg: no job control\n";
        return 1;
    }
    std::string spec = c.args.size() > 1 ? c.args[1] : "%+";
    Job* job = c.shell.jobs().find(spec);
    if (!job) {
        c.err << "ksim: fg: " << (c.args.size() > 1 ? spec : "current") << ": no such job\n";
        return 1;
    }
    ForegroundGroup foreground(job->pid); // a job is a process group of its own
    c.out << job->text << "\n";
    c.out.flush();
    int status = c.shell.jobs().wait(*job);
    // A foreground job's death is reported as a command's is (nothing for SIGINT: the terminal showed ^C).
    if (status > 128 && status < 128 + 65) {
        std::string message = task_death_message(died_of_signal(status - 128));
        if (!message.empty())
            c.err << message << "\n";
    }
    return status;
}

} // namespace ksim::shell
