// Instructions a kernel module never needs: the ones that enter the host's kernel directly.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ksim::lessons {

// Why `ko` must not be loaded for a check, or nothing. A Linux module talks
// to the kernel it lives in by calling it, never with `syscall`, `sysenter`
// or `int $0x80`; in ksim those would reach the host's kernel around every
// check. The executable sections are disassembled with objdump (binutils, as
// a compiler needs it anyway), instruction by instruction, so data bytes that
// happen to look like one are not mistaken for it. A module that cannot be
// inspected is refused too.
std::optional<std::string> forbidden_instructions(const std::filesystem::path& ko);

} // namespace ksim::lessons
