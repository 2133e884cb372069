// The ksim shell: runs command lines against the kernel as an unprivileged user or, with sudo, as root.
#pragma once

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

private:
    int run_command(const SimpleCommand& command);
    int dispatch(std::vector<std::string> words, std::ostream& out, std::ostream& err);

    Kernel& m_kernel;
    unsigned m_uid;
    int m_last_status = 0;
    int m_next_pid = 100;
    std::optional<int> m_exit_status;
};

}  // namespace ksim::shell
