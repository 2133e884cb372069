// The kernel's names, as uname(2), /proc/version, /proc/sys/kernel and the
// boot banner give them (Linux's init/version.c: init_uts_ns, linux_banner).
#pragma once

#include <string>

#include <ksim/abi.h>

namespace ksim::uts {

inline constexpr const char* sysname = "Linux";
inline constexpr const char* nodename = "ksim";
inline constexpr const char* release = KSIM_UTS_RELEASE;
inline constexpr const char* version = "#1 SMP PREEMPT_DYNAMIC ksim";
inline constexpr const char* machine = "x86_64";
inline constexpr const char* domainname = "(none)";

// "Linux version RELEASE (BY@HOST) (COMPILER) VERSION": the boot log's first line and /proc/version.
inline std::string banner()
{
    std::string text = "Linux version ";
    return text.append(release).append(" (ksim@ksim) (gcc) ").append(version);
}

} // namespace ksim::uts
