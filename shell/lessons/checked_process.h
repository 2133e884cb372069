// The checker's side of a checked process: starts it, asks it for observations, and judges how it ended.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <variant>

#include "shell/lessons/lesson.h"
#include "shell/lessons/observation.h"

namespace ksim::lessons {

// Why a checked process gave no (more) observations: a check failure in itself.
struct ProcessGone {
    std::string expected;
    std::string seen;
};

class CheckedProcess {
public:
    using Clock = std::chrono::steady_clock;

    // Forks the process (see kernel_probe.h) with limits on memory and CPU.
    CheckedProcess(const Lesson& lesson, const std::filesystem::path& ko, size_t memory_limit, double timeout_seconds);
    ~CheckedProcess();
    CheckedProcess(const CheckedProcess&) = delete;
    CheckedProcess& operator=(const CheckedProcess&) = delete;

    std::variant<Observation, ProcessGone> ask(const Request& request);
    // After the last request: the process must end quietly, having said nothing more.
    std::optional<ProcessGone> finish();

private:
    std::optional<ProcessGone> read_exactly(std::string& into, size_t size);
    ProcessGone gone();
    ProcessGone malformed(const std::string& why);
    std::optional<ProcessGone> unsolicited();

    pid_t m_pid = -1;
    bool m_exited_cleanly = false;
    int m_channel = -1; // a socket pair: requests one way, observations the other
    double m_timeout;
    Clock::time_point m_deadline;
    std::random_device m_random; // for each request's nonce
};

} // namespace ksim::lessons
