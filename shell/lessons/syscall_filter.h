// The seccomp allow-list of the checked process: what ksim itself needs to run a check, and nothing more.
#pragma once

namespace ksim::lessons {

// Installs the filter on the calling process (and any thread it starts).
// Any other system call kills the process with SIGSYS, which the checker
// reports; a module that reached the C library or made a raw system call
// cannot open a socket, start a program or signal the checker.
void confine_checked_process();

} // namespace ksim::lessons
