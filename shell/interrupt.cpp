// Ctrl-C handling (see interrupt.h).
#include "shell/interrupt.h"

#include <csignal>

namespace ksim::shell {

namespace {
// A signal handler can only reach a global; this flag is all it touches.
volatile std::sig_atomic_t g_interrupted = 0;
struct sigaction g_previous { };

void on_interrupt(int)
{
    g_interrupted = 1;
}
} // namespace

InterruptScope::InterruptScope()
{
    g_interrupted = 0;
    struct sigaction action { };
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_previous);
}

InterruptScope::~InterruptScope()
{
    sigaction(SIGINT, &g_previous, nullptr);
    g_interrupted = 0;
}

bool interrupt_requested()
{
    return g_interrupted != 0;
}

} // namespace ksim::shell
