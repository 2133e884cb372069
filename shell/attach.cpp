// ksim attach (see attach.h).
#include "shell/attach.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "sched/scheduler.h"
#include "shell/repl.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

// The user's runtime folder ($XDG_RUNTIME_DIR/ksim), else /tmp/ksim-UID.
std::filesystem::path socket_folder()
{
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime)
        return std::filesystem::path(runtime) / "ksim";
    return std::filesystem::path("/tmp") / ("ksim-" + std::to_string(getuid()));
}

sockaddr_un address_of(const std::filesystem::path& path)
{
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
    return address;
}

// An ostream's buffer that writes to a descriptor (the other terminal).
class DescriptorBuffer : public std::streambuf {
public:
    explicit DescriptorBuffer(int fd)
        : m_fd(fd)
    {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }

protected:
    int overflow(int c) override
    {
        if (sync() != 0)
            return traits_type::eof();
        if (c != traits_type::eof()) {
            *pptr() = static_cast<char>(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override
    {
        for (char* from = pbase(); from < pptr();) {
            ssize_t wrote = ::write(m_fd, from, static_cast<size_t>(pptr() - from));
            if (wrote < 0 && errno == EINTR)
                continue;
            if (wrote <= 0)
                break; // the terminal is gone: what it would have shown is lost
            from += wrote;
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return 0;
    }

private:
    int m_fd;
    std::array<char, 4096> m_buffer;
};

std::atomic<int> g_client_socket {-1};

void forward_interrupt(int)
{
    char interrupt = 'I';
    [[maybe_unused]] ssize_t sent = ::write(g_client_socket.load(), &interrupt, 1);
}

} // namespace

// One attached terminal: a login shell that reads its lines from the
// client's terminal and writes there; the client's socket carries Ctrl-C
// one way and the exit status the other.
class AttachSession {
public:
    AttachSession(Kernel& kernel, int socket, std::array<int, 3> terminal)
        : m_kernel(kernel)
        , m_socket(socket)
        , m_terminal(terminal)
        , m_wake(eventfd(0, EFD_CLOEXEC))
        , m_out_buffer(terminal[1])
        , m_err_buffer(terminal[2])
        , m_out(&m_out_buffer)
        , m_err(&m_err_buffer)
    {
    }
    ~AttachSession() { ::close(m_wake); }

    void run(const std::filesystem::path& sysroot, unsigned uid)
    {
        std::thread control([this] { read_control(); });
        int status = 0;
        {
            Shell shell(m_kernel, uid);
            m_shell_pid = static_cast<int>(Scheduler::current()->abi().pid);
            shell.set_sysroot(sysroot);
            shell.set_terminal(m_out, m_err);
            while (!shell.exit_requested()) {
                m_out << prompt(shell) << std::flush;
                auto line = read_line();
                if (!line) {
                    m_out << "exit\n";
                    break;
                }
                if (line->find_first_not_of(" \t") != std::string::npos)
                    shell.run_line(*line);
                m_out.flush();
                m_err.flush();
            }
            status = shell.exit_requested().value_or(shell.last_status());
        }
        m_out.flush();
        // The login shell's process ends with its session.
        if (KernelTask* task = Scheduler::current()) {
            m_kernel.scheduler().release_task(*task);
            Scheduler::set_current(nullptr);
        }
        auto code = static_cast<char>(status & 0xff);
        [[maybe_unused]] ssize_t sent = ::write(m_socket, &code, 1);
        ::shutdown(m_socket, SHUT_RDWR);
        control.join();
        // The client's terminal is its own again: a pipe there sees its end.
        for (int fd : {m_socket, m_terminal[0], m_terminal[1], m_terminal[2]})
            ::close(fd);
        std::lock_guard lock(m_lock);
        m_finished = true;
        m_changed.notify_all();
    }

    // The console's shell is leaving: the session ends now, its running command with SIGKILL.
    void stop()
    {
        m_stopping = true;
        uint64_t one = 1;
        [[maybe_unused]] ssize_t woke = ::write(m_wake, &one, sizeof one);
        signal_foreground(SIGKILL);
    }

    bool wait_finished(std::chrono::seconds timeout)
    {
        std::unique_lock lock(m_lock);
        return m_changed.wait_for(lock, timeout, [&] { return m_finished; });
    }

private:
    // What the session runs now, if it is not the shell itself at its prompt.
    void signal_foreground(int signal)
    {
        int pid = m_shell_pid.load();
        if (!pid)
            return;
        auto running = m_kernel.scheduler().running_on_thread_of(pid);
        if (running && running->abi().pid != pid)
            Scheduler::send_signal(*running, signal);
    }

    // The client sends 'I' for each Ctrl-C typed on its terminal; EOF when it is gone.
    void read_control()
    {
        char byte;
        while (::read(m_socket, &byte, 1) == 1)
            if (byte == 'I')
                signal_foreground(SIGINT);
        stop();
    }

    // A line from the terminal (cooked: the tty driver edits it); nullopt at end of input.
    std::optional<std::string> read_line()
    {
        for (;;) {
            if (size_t end = m_pending.find('\n'); end != std::string::npos) {
                std::string line = m_pending.substr(0, end);
                m_pending.erase(0, end + 1);
                return line;
            }
            pollfd fds[] = {{m_terminal[0], POLLIN, 0}, {m_wake, POLLIN, 0}};
            if (m_stopping || (::poll(fds, 2, -1) < 0 && errno != EINTR) || fds[1].revents)
                return std::nullopt;
            if (!fds[0].revents)
                continue;
            char buffer[4096];
            ssize_t got = ::read(m_terminal[0], buffer, sizeof buffer);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                return m_pending.empty() ? std::nullopt : std::optional(std::exchange(m_pending, {}));
            m_pending.append(buffer, static_cast<size_t>(got));
        }
    }

    Kernel& m_kernel;
    int m_socket;
    std::array<int, 3> m_terminal;
    int m_wake;
    DescriptorBuffer m_out_buffer, m_err_buffer;
    std::ostream m_out, m_err;
    std::string m_pending;
    std::atomic<int> m_shell_pid {0};
    std::atomic<bool> m_stopping {false};
    std::mutex m_lock;
    std::condition_variable m_changed;
    bool m_finished = false;
};

AttachPoint::AttachPoint(Kernel& kernel, std::filesystem::path sysroot, unsigned uid)
    : m_kernel(kernel)
    , m_sysroot(std::move(sysroot))
    , m_uid(uid)
{
    // A client that goes away (its terminal closed, or a pipe whose reader
    // quit) must cost its session its output, never the whole kernel: its
    // descriptors' writes fail with EPIPE instead of raising SIGPIPE here.
    std::signal(SIGPIPE, SIG_IGN);
    std::error_code ignored;
    std::filesystem::path folder = socket_folder();
    std::filesystem::create_directory(folder, ignored);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ignored);
    m_path = folder / (std::to_string(getpid()) + ".sock");
    std::filesystem::remove(m_path, ignored);
    m_listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address = address_of(m_path);
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
        || ::listen(m_listener, 4) != 0) {
        // Without it ksim still runs; only `ksim attach` cannot find it.
        if (m_listener >= 0)
            ::close(m_listener);
        m_listener = -1;
        return;
    }
    m_acceptor = std::thread([this] { accept_clients(); });
}

AttachPoint::~AttachPoint()
{
    if (m_listener < 0)
        return;
    ::shutdown(m_listener, SHUT_RDWR);
    m_acceptor.join();
    ::close(m_listener);
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
    for (auto& session : m_sessions) {
        session->stop();
        if (!session->wait_finished(std::chrono::seconds(5))) {
            // A command there spins in module code, where no signal reaches it.
            std::fputs("ksim: a command on another terminal does not end; powering off\n", stderr);
            std::fflush(nullptr);
            std::_Exit(1);
        }
    }
}

void AttachPoint::accept_clients()
{
    for (;;) {
        int client = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return; // shut down
        }
        // The client's greeting carries its standard input, output and error.
        char byte;
        iovec data {&byte, 1};
        alignas(cmsghdr) char control[CMSG_SPACE(3 * sizeof(int))] {};
        msghdr message {};
        message.msg_iov = &data;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        cmsghdr* fds = nullptr;
        if (::recvmsg(client, &message, MSG_CMSG_CLOEXEC) == 1)
            fds = CMSG_FIRSTHDR(&message);
        if (!fds || fds->cmsg_type != SCM_RIGHTS || fds->cmsg_len != CMSG_LEN(3 * sizeof(int))) {
            ::close(client);
            continue;
        }
        std::array<int, 3> terminal;
        std::memcpy(terminal.data(), CMSG_DATA(fds), sizeof terminal);
        auto session = std::make_shared<AttachSession>(m_kernel, client, terminal);
        // Only this thread changes the list, so the destructor reads it once this thread is gone.
        std::erase_if(m_sessions, [](const auto& s) { return s->wait_finished(std::chrono::seconds(0)); });
        m_sessions.push_back(session);
        std::thread([session, sysroot = m_sysroot, uid = m_uid] { session->run(sysroot, uid); }).detach();
    }
}

int attach_to_ksim(int argc, char** argv)
{
    if (argc > 3 || (argc == 3 && std::string(argv[2]).find_first_not_of("0123456789") != std::string::npos)) {
        std::cerr << "Usage: ksim attach [PID]\n";
        return 2;
    }
    // The newest ksim that answers, or the one asked for; a socket nobody
    // answers is what a ksim that died left behind.
    std::vector<std::filesystem::path> candidates;
    std::error_code ec;
    if (argc == 3) {
        candidates.push_back(socket_folder() / (std::string(argv[2]) + ".sock"));
    } else {
        for (const auto& entry : std::filesystem::directory_iterator(socket_folder(), ec))
            if (entry.path().extension() == ".sock")
                candidates.push_back(entry.path());
        std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            std::error_code ignored;
            return std::filesystem::last_write_time(a, ignored) > std::filesystem::last_write_time(b, ignored);
        });
    }
    int server = -1;
    for (const auto& path : candidates) {
        server = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = address_of(path);
        if (::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
            break;
        if (errno == ECONNREFUSED)
            std::filesystem::remove(path, ec);
        ::close(server);
        server = -1;
    }
    if (server < 0) {
        std::cerr << "ksim: attach: no running ksim to attach to" << (argc == 3 ? " with that pid" : "")
                  << " (start one with: ksim)\n";
        return 1;
    }
    char hello = 'A';
    iovec data {&hello, 1};
    int terminal[3] = {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof terminal)] {};
    msghdr message {};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    cmsghdr* fds = CMSG_FIRSTHDR(&message);
    fds->cmsg_level = SOL_SOCKET;
    fds->cmsg_type = SCM_RIGHTS;
    fds->cmsg_len = CMSG_LEN(sizeof terminal);
    std::memcpy(CMSG_DATA(fds), terminal, sizeof terminal);
    if (::sendmsg(server, &message, 0) != 1) {
        std::perror("ksim: attach");
        return 1;
    }
    // Ctrl-C here is for the command running there.
    g_client_socket = server;
    struct sigaction action {};
    action.sa_handler = forward_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    for (;;) {
        unsigned char status;
        ssize_t got = ::read(server, &status, 1);
        if (got == 1)
            return status;
        if (got < 0 && errno == EINTR)
            continue;
        std::cerr << "ksim: attach: the kernel went away (rebooted or powered off)\n";
        return 1;
    }
}

} // namespace ksim::shell
