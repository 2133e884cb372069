// The interactive prompt: line editing, history and tab completion (GNU readline).
#pragma once

#include <string>

namespace ksim::shell {

class Shell;

// bash's default prompt: "learner@ksim:~/dir$ " ("#" for root).
std::string prompt(const Shell& shell);

// Reads and runs lines until EOF or `exit`; returns the exit status.
int run_interactive(Shell& shell);

} // namespace ksim::shell
