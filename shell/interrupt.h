// Ctrl-C while a command runs stops that command (as SIGINT kills it under bash) and leaves ksim running.
#pragma once

namespace ksim::shell {

// The error a read or write returns once Ctrl-C was pressed; commands exit with 130.
constexpr int interrupted_error = 4096 + 2;

// While one exists, SIGINT only raises a flag that file reads and writes check.
class InterruptScope {
public:
    InterruptScope();
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
};

bool interrupt_requested();

} // namespace ksim::shell
