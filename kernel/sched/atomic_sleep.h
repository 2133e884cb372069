// CONFIG_DEBUG_ATOMIC_SLEEP: sleeping where Linux forbids it, reported as Linux reports it.
#pragma once

#include <cstdint>

namespace ksim {

class Kernel;

// Linux's preempt_count bits (include/linux/preempt.h).
constexpr int preempt_offset = 1;
constexpr int softirq_offset = 0x100;
constexpr int softirq_mask = 0xff00;
constexpr int hardirq_mask = 0xf0000;

// __might_sleep(): reports "BUG: sleeping function called from invalid
// context at FILE:LINE" when the calling task holds a spinlock, has
// interrupts off or runs in softirq context (at most once a second, as Linux).
void might_sleep_at(Kernel& kernel, const char* file, int line);
// __schedule_bug(): the task really schedules while atomic.
void schedule_while_atomic(Kernel& kernel);

} // namespace ksim
