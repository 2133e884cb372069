// What a submission may see while it is built and checked: the bubblewrap command around ksim check.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ksim::lessons {

// Whether bubblewrap can make a sandbox here (it needs user namespaces).
bool sandbox_available();

struct SandboxView {
    std::vector<std::filesystem::path> read_only; // the submission, for ksim check
    std::vector<std::filesystem::path> writable; // its scratch copy and TMPDIR, for ksim grade
    std::filesystem::path temporary; // TMPDIR inside; empty for a private /tmp
    std::filesystem::path working_directory;
};

// `bwrap ... <ksim> <arguments>`: a new root that holds the system's
// programs, libraries and configuration (/usr, /etc and the links into
// /usr), ksim's installed files (its binary, the SDK and the tools the SDK's
// build uses, the lessons' starters and lesson files) and `view`'s folders,
// nothing else: no home folders, no repository tests or reference
// solutions, no other submissions. No network, its own pids, a fresh /tmp.
std::vector<std::string> sandbox_command(const SandboxView& view, const std::vector<std::string>& arguments);

// Replaces the process with `command`; returns only if it could not start.
void exec_command(const std::vector<std::string>& command);

} // namespace ksim::lessons
