// `current`: the task a module's code runs for.
#include <ksim/fs_abi.h>

#include "core/export.h"
#include "core/kernel.h"

KSIM_EXPORT struct task_struct* get_current(void)
{
    return ksim::Kernel::current().current_task_struct();
}
