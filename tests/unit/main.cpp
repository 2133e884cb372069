// doctest's runner; its signal handlers stay off so the kernel's Oops guard owns SIGSEGV.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#define DOCTEST_CONFIG_NO_POSIX_SIGNALS
#include <doctest/doctest.h>
