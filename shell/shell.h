// The ksim shell: runs command lines against the kernel as an unprivileged user or, with sudo, as root.
#pragma once

#include <filesystem>
#include <istream>
#include <optional>
#include <string>

#include "core/kernel.h"
#include "shell/syntax.h"

namespace ksim::shell {

constexpr unsigned learner_uid = 1000;

class Shell {
public:
    explicit Shell(Kernel& kernel, unsigned uid = learner_uid);

    // Runs one line; returns its exit status (also in $?).
    int run_line(const std::string& line);
    // Runs every line of a script until EOF or `exit`.
    int run_script(std::istream& in);

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

private:
    int run_command(const SimpleCommand& command);
    int dispatch(std::vector<std::string> words, std::ostream& out, std::ostream& err);

    Kernel& m_kernel;
    unsigned m_uid;
    std::filesystem::path m_sysroot;
    int m_last_status = 0;
    int m_next_pid = 100;
    std::optional<int> m_exit_status;
};

} // namespace ksim::shell
