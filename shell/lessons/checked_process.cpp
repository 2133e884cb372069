// Starting and questioning a checked process (see checked_process.h).
#include "shell/lessons/checked_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "shell/lessons/address_space_limit.h"
#include "shell/lessons/kernel_probe.h"

namespace ksim::lessons {

CheckedProcess::CheckedProcess(
    const Lesson& lesson, const std::filesystem::path& ko, size_t memory_limit, double timeout_seconds)
    : m_timeout(timeout_seconds)
    , m_deadline(
          Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout_seconds)))
{
    int channel[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) != 0)
        return;
    std::fflush(nullptr);
    m_pid = fork();
    if (m_pid == 0) {
        // Nothing the module writes can reach the checker's report or any
        // file the checker had open: only /dev/null and the channel (fd 3).
        int null = open("/dev/null", O_RDWR);
        for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
            dup2(null, fd);
        dup2(channel[1], 3);
        close_range(4, ~0U, 0);
        if (limit_address_space) {
            rlimit memory {memory_limit, memory_limit};
            setrlimit(RLIMIT_AS, &memory);
        }
        rlim_t cpu = static_cast<rlim_t>(timeout_seconds) + 1;
        rlimit cpu_limit {cpu, cpu};
        setrlimit(RLIMIT_CPU, &cpu_limit);
        // An exception must not unwind into the checker's code in this copy of it.
        try {
            serve_probe(lesson, ko, 3);
        } catch (...) {
            _exit(4);
        }
    }
    close(channel[1]);
    m_channel = channel[0];
    if (m_pid < 0) {
        close(m_channel);
        m_channel = -1;
    }
}

CheckedProcess::~CheckedProcess()
{
    if (m_channel >= 0)
        close(m_channel);
    if (m_pid > 0) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
}

std::variant<Observation, ProcessGone> CheckedProcess::ask(const Request& request)
{
    if (m_pid < 0)
        return ProcessGone {"the check starts", std::string("cannot start the check: ") + std::strerror(errno)};
    if (auto early = unsolicited())
        return *early;
    // Straight from the system's random source: one nonce says nothing about the next.
    uint64_t nonce = uint64_t {m_random()} << 32 | m_random();
    std::string frame = encode_request(request, nonce);
    for (size_t done = 0; done < frame.size();) {
        // MSG_NOSIGNAL: a process that died is seen here, not as SIGPIPE in the checker.
        ssize_t n = ::send(m_channel, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return gone();
        done += static_cast<size_t>(n);
    }
    std::string header, payload;
    if (auto problem = read_exactly(header, frame_header_size))
        return *problem;
    auto length = frame_length(header, nonce);
    if (!length)
        return malformed("a reply that does not answer the request");
    if (auto problem = read_exactly(payload, *length))
        return *problem;
    auto observation = decode_observation(payload);
    if (auto* bad = std::get_if<Malformed>(&observation))
        return malformed(bad->why);
    return std::get<Observation>(observation);
}

std::optional<ProcessGone> CheckedProcess::finish()
{
    if (auto early = unsolicited())
        return early;
    shutdown(m_channel, SHUT_WR); // end of requests: the process exits
    std::string rest;
    auto ended = read_exactly(rest, 1);
    if (!ended)
        return malformed("bytes after its last reply");
    if (m_exited_cleanly)
        return std::nullopt;
    return ended;
}

// Bytes nobody asked for: a module writing into the channel.
std::optional<ProcessGone> CheckedProcess::unsolicited()
{
    pollfd waiting {m_channel, POLLIN, 0};
    if (poll(&waiting, 1, 0) == 1 && (waiting.revents & POLLIN))
        return malformed("bytes nobody asked for");
    return std::nullopt;
}

std::optional<ProcessGone> CheckedProcess::read_exactly(std::string& into, size_t size)
{
    into.resize(size);
    for (size_t done = 0; done < size;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - Clock::now());
        if (left.count() <= 0) {
            kill(m_pid, SIGKILL);
            return ProcessGone {"the check finishes within " + std::to_string(static_cast<int>(m_timeout)) + " s",
                "it was still running (a module that loops or never returns?)"};
        }
        pollfd waiting {m_channel, POLLIN, 0};
        if (poll(&waiting, 1, static_cast<int>(left.count())) <= 0)
            continue;
        ssize_t n = ::read(m_channel, into.data() + done, size - done);
        if (n <= 0) {
            into.resize(done);
            return gone();
        }
        done += static_cast<size_t>(n);
    }
    return std::nullopt;
}

// The process stopped answering: say how it ended.
ProcessGone CheckedProcess::gone()
{
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    m_exited_cleanly = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS)
        return ProcessGone {"the module makes no system calls of its own",
            "its process was killed for a system call outside the checker's allow-list (seccomp): a module that "
            "reaches the C library or the host's kernel directly"};
    if (WIFSIGNALED(status))
        return ProcessGone {
            "the check runs to its end", std::string("its process died: ") + strsignal(WTERMSIG(status))};
    return ProcessGone {
        "the check runs to its end", "its process exited with status " + std::to_string(WEXITSTATUS(status))};
}

ProcessGone CheckedProcess::malformed(const std::string& why)
{
    kill(m_pid, SIGKILL);
    return ProcessGone {"the checked process reports only what it observed",
        "check failed: the checked process sent malformed observations (" + why + ")"};
}

} // namespace ksim::lessons
