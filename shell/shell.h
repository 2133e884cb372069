// The ksim shell: user space. It runs command lines as processes of an unprivileged user or, with sudo, as root.
#pragma once

#include <array>
#include <filesystem>
#include <istream>
#include <latch>
#include <map>
#include <memory>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "core/kernel.h"
#include "shell/file_handle.h"
#include "shell/input_source.h"
#include "shell/jobs.h"
#include "shell/syntax.h"

namespace ksim {
class UserMemory;
}

namespace ksim::shell {

constexpr unsigned learner_uid = 1000;

struct Command;
struct CommandContext;

// Where a command's standard streams go.
struct Streams {
    InputSource& in;
    std::ostream& out;
    std::ostream& err;
};

class Shell {
public:
    // The login shell takes the calling thread's task as its process; a
    // forked child shell (`forked`) is given the process it runs in.
    explicit Shell(Kernel& kernel, unsigned uid = learner_uid, bool forked = false);
    ~Shell();

    // Runs one line; returns its exit status (also in $?).
    int run_line(const std::string& line);
    int run_line(const std::string& line, Streams streams);
    // Runs every line of a script until EOF or `exit`.
    int run_script(std::istream& in);
    // sh -c: a line run by a child shell, as root when `root`.
    int run_child(const std::string& line, bool root, Streams streams);

    // The terminal the shell and its jobs write to (std::cout and std::cerr
    // unless a session of `ksim attach` gives its own).
    void set_terminal(std::ostream& out, std::ostream& err)
    {
        m_terminal_out = &out;
        m_terminal_err = &err;
    }

    int last_status() const { return m_last_status; }
    std::optional<int> exit_requested() const { return m_exit_status; }
    void request_exit(int status) { m_exit_status = status; }
    unsigned uid() const { return m_uid; }
    std::string user_name() const { return m_uid == 0 ? "root" : "learner"; }
    Kernel& kernel() { return m_kernel; }
    JobTable& jobs() { return m_jobs; }
    // An interactive shell says "[1] 12345" when it starts a job.
    void set_interactive(bool interactive) { m_interactive = interactive; }
    // Job control (fg) is on only in an interactive shell, as in bash.
    bool interactive() const { return m_interactive; }
    // This shell runs a background job (bash reports nothing of how its processes die).
    bool in_job() const { return m_in_job; }

    // The host folder that plays "/" for the system files the module tools
    // use: /lib/modules/<release> and /etc/modprobe.d.
    void set_sysroot(std::filesystem::path sysroot) { m_sysroot = std::move(sysroot); }
    const std::filesystem::path& sysroot() const { return m_sysroot; }
    // A path as the learner typed it -> the host file it means: absolute and
    // normalised, with system paths mapped into the sysroot.
    std::string host_path(const std::string& path) const;
    // Whether a host path lies in the sysroot (root-owned, as /etc and /lib are).
    bool is_system_file(const std::string& host_path) const;
    // The reverse of host_path for messages: a sysroot file as the learner knows it.
    std::string shown_path(const std::filesystem::path& host_path) const;

    // open(2) for the running process, through the system-call door; a
    // system file is root's, so only root opens it for writing.
    ErrorOr<std::shared_ptr<FileHandle>> open(const std::string& path, int flags);

private:
    struct Slot;
    // `pipeline &`: a child shell runs it in a task of its own.
    void start_job(const Pipeline& pipeline, const ParsedLine& parsed, std::ostream& err);
    // The child process bash would fork: a shell of its own (same
    // descriptors, $$ and $?) in a task of its own.
    struct Child {
        std::shared_ptr<Shell> shell;
        std::shared_ptr<KernelTask> task;
        int pid;
    };
    Child fork_child(KernelTask* parent);
    // The processes for all but the last command of a pipeline, forked
    // before any runs (the last runs in the calling shell's own process).
    std::vector<Child> fork_stages(const Pipeline& pipeline, KernelTask* parent);
    // `stages` are the processes fork_stages() made for it.
    int run_pipeline(const Pipeline& pipeline, const ParsedLine& parsed, Streams streams, std::vector<Child> stages);
    // Runs `body` as the child's process on the calling thread; its
    // descriptors close in its own task, then the task ends.
    static int run_as(Child child, const std::function<int(Shell&)>& body);
    int run_simple(const SimpleCommand& command, const ParsedLine& parsed, Streams streams);
    // fork() and wait(), as bash runs a command: `body` runs in a child
    // process on this thread; its status as bash reports it.
    int in_child_process(const std::function<int()>& body, std::ostream& err);
    // The command in the process that runs it: redirections, then the program.
    int run_in_process(const SimpleCommand& command, const ParsedLine& parsed, Streams streams);
    // $? and command substitutions, the latter split into words outside quotes.
    std::vector<std::string> expand(const std::vector<Word>& words, const ParsedLine& parsed, std::ostream& err);
    // The output of a command substitution, its trailing newlines removed.
    std::string substitute(const std::string& command, std::ostream& err);
    // Opens, duplicates and closes the command's descriptors; false after reporting a failure.
    bool apply_redirections(
        const SimpleCommand& command, const ParsedLine& parsed, std::array<Slot, 10>& slots, std::ostream& err);
    int dispatch(std::vector<std::string> words, Streams streams);
    int run_guarded(const Command& command, CommandContext& context);
    void become_shell();

    Kernel& m_kernel;
    unsigned m_uid;
    std::filesystem::path m_sysroot;
    int m_last_status = 0;
    int m_pid; // $$
    int m_shell_pid; // the shell's own process: $$, or a job's pid in the subshell that runs it
    std::shared_ptr<UserMemory> m_memory; // the shell process's own address space
    std::optional<int> m_exit_status;
    static constexpr int max_child_depth = 200;
    int m_child_depth = 0; // child shells ($(...), sh -c) running inside this one
    std::map<int, std::shared_ptr<FileHandle>> m_held;
    bool m_interactive = false;
    std::ostream* m_terminal_out;
    std::ostream* m_terminal_err;
    bool m_exec_in_place = false; // a job's child shell: its first command is the child itself, exec'd
    bool m_in_job = false;
    // The commands of a pipeline start their programs together, once each
    // has become its process, so that `ps | cut` always sees cut.
    std::shared_ptr<std::latch> m_pipeline_start;
    JobTable m_jobs; // last: its jobs end before the rest of the shell goes
};

} // namespace ksim::shell
