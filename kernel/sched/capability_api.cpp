// capable(): whether the current task may do what a capability guards
// (kernel/capability.c). ksim's tasks carry user ids, not capability sets: a
// task whose effective uid is 0 holds every capability, as root does on a
// Linux without file capabilities or a restricted bounding set.
#include <ksim/sched_abi.h>

#include "core/export.h"

namespace {

constexpr int cap_last_cap = 40; // CAP_CHECKPOINT_RESTORE, Linux 6.1's last

} // namespace

extern "C" struct task_struct* get_current(void);

KSIM_EXPORT bool capable(int cap)
{
    if (cap < 0 || cap > cap_last_cap)
        return false; // Linux: "capable() called with invalid cap=%u" and BUG()
    return get_current()->euid == 0;
}
