// Whether an RLIMIT_AS limit can be put on a checked process in this build.
#pragma once

namespace ksim::lessons {

// AddressSanitizer and ThreadSanitizer reserve terabytes of address space for
// their shadow memory: under them, a limit on it would stop every check.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool limit_address_space = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool limit_address_space = false;
#else
inline constexpr bool limit_address_space = true;
#endif
#else
inline constexpr bool limit_address_space = true;
#endif

} // namespace ksim::lessons
