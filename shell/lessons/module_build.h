// Building a learner's source folder with the SDK, the way they would with make.
#pragma once

#include <filesystem>
#include <string>

namespace ksim::lessons {

struct BuildOutcome {
    bool succeeded = false;
    std::filesystem::path module; // <folder>/<name>.ko
    std::string output; // everything make and the compiler printed
    std::string warnings; // the compiler's warning lines, with their context
    std::string problem; // why it failed, in one line
};

// Runs `make -C <sdk> M=<folder> modules KSIM_BUILD=<build>`.
BuildOutcome build_module(const std::filesystem::path& folder, const std::string& module_name);

// $KSIM_SDK, else the sdk/ folder of the source tree ksim was built from.
std::filesystem::path sdk_folder();

// $KSIM_BUILD, else the build tree this ksim was built in: its sdk/ holds the
// modpost and Module.symvers that match this kernel.
std::filesystem::path build_folder();

} // namespace ksim::lessons
