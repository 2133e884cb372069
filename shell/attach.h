// A second terminal on the running kernel: `ksim attach` logs in to the ksim
// that runs at an interactive prompt, as ssh gives a machine a second
// terminal while its console runs the first.
#pragma once

#include <filesystem>
#include <list>
#include <memory>
#include <thread>

#include "core/kernel.h"

namespace ksim::shell {

class AttachSession;

// Where an interactive ksim waits for `ksim attach`: PID.sock in
// $XDG_RUNTIME_DIR/ksim, else in /tmp/ksim-UID (the folder is the user's
// own, mode 0700). Each client gets a login shell
// of its own on its own terminal; kernel messages stay on the console (the
// first terminal), as on Linux.
class AttachPoint {
public:
    AttachPoint(Kernel& kernel, std::filesystem::path sysroot, unsigned uid);
    // Ends every session (its running command gets SIGKILL) before the kernel goes.
    ~AttachPoint();
    AttachPoint(const AttachPoint&) = delete;
    AttachPoint& operator=(const AttachPoint&) = delete;

private:
    void accept_clients();

    Kernel& m_kernel;
    std::filesystem::path m_sysroot;
    unsigned m_uid;
    std::filesystem::path m_path;
    int m_listener = -1;
    std::list<std::shared_ptr<AttachSession>> m_sessions;
    std::thread m_acceptor;
};

// `ksim attach [PID]`: hands this terminal to a running ksim's new login
// shell and returns that shell's exit status; Ctrl-C here reaches the
// command running there.
int attach_to_ksim(int argc, char** argv);

} // namespace ksim::shell
