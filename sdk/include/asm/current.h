/* current: the task running this code (its struct task_struct is in <linux/sched.h>). */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <linux/compiler.h>

struct task_struct;

__KSIM_BEGIN_DECLS
struct task_struct *get_current(void);
__KSIM_END_DECLS

#define current get_current()

#endif
