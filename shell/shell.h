// The ksim shell: user space. It runs command lines as processes of an unprivileged user or, with sudo, as root.
#pragma once

#include <array>
#include <filesystem>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "core/kernel.h"
#include "shell/file_handle.h"
#include "shell/input_source.h"
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
    explicit Shell(Kernel& kernel, unsigned uid = learner_uid);
    ~Shell();

    // Runs one line; returns its exit status (also in $?).
    int run_line(const std::string& line);
    int run_line(const std::string& line, Streams streams);
    // Runs every line of a script until EOF or `exit`.
    int run_script(std::istream& in);
    // sh -c: a line run by a child shell, as root when `root`.
    int run_child(const std::string& line, bool root, Streams streams);

    int last_status() const { return m_last_status; }
    std::optional<int> exit_requested() const { return m_exit_status; }
    void request_exit(int status) { m_exit_status = status; }
    unsigned uid() const { return m_uid; }
    std::string user_name() const { return m_uid == 0 ? "root" : "learner"; }
    Kernel& kernel() { return m_kernel; }

    // The host folder that plays "/" for the system files the module tools
    // use: /lib/modules/<release> and /etc/modprobe.d.
    void set_sysroot(std::filesystem::path sysroot) { m_sysroot = std::move(sysroot); }
    // A path as the learner typed it -> the host file it means: absolute and
    // normalised, with system paths mapped into the sysroot.
    std::string host_path(const std::string& path) const;
    // Whether a host path lies in the sysroot (root-owned, as /etc and /lib are).
    bool is_system_file(const std::string& host_path) const;
    // The reverse of host_path for messages: a sysroot file as the learner knows it.
    std::string shown_path(const std::filesystem::path& host_path) const;

    // open(2) for the running process: kernel files through the kernel's
    // VFS, others on the host. `flags` are open_* from fs/vfs.h.
    ErrorOr<std::shared_ptr<FileHandle>> open(const std::string& path, int flags);

private:
    struct Slot;
    int run_pipeline(const Pipeline& pipeline, const ParsedLine& parsed, Streams streams);
    int run_simple(const SimpleCommand& command, const ParsedLine& parsed, Streams streams);
    // $? and command substitutions, the latter split into words outside quotes.
    std::vector<std::string> expand(const std::vector<Word>& words, const ParsedLine& parsed, std::ostream& err);
    // The output of a command substitution, its trailing newlines removed.
    std::string substitute(const std::string& command, std::ostream& err);
    // Opens, duplicates and closes the command's descriptors; false after reporting a failure.
    bool apply_redirections(
        const SimpleCommand& command, const ParsedLine& parsed, std::array<Slot, 10>& slots, std::ostream& err);
    int dispatch(std::vector<std::string> words, Streams streams);
    int run_guarded(const Command& command, CommandContext& context);
    // Makes the kernel's current task a new process running `comm`.
    void start_process(const std::string& comm, bool root);
    void become_shell();

    Kernel& m_kernel;
    unsigned m_uid;
    std::filesystem::path m_sysroot;
    int m_last_status = 0;
    int m_next_pid = 100;
    int m_pid;
    std::shared_ptr<UserMemory> m_memory; // the shell process's own address space
    std::optional<int> m_exit_status;
    static constexpr int max_child_depth = 200;
    int m_child_depth = 0; // child shells ($(...), sh -c) running inside this one
    std::map<int, std::shared_ptr<FileHandle>> m_held;
};

} // namespace ksim::shell
