// The interactive prompt: line editing, history and tab completion (GNU readline).
#pragma once

namespace ksim::shell {

class Shell;

// Reads and runs lines until EOF or `exit`; returns the exit status.
int run_interactive(Shell& shell);

} // namespace ksim::shell
