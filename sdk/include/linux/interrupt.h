/* Tasklets: deferred functions run in softirq context (they must not sleep).
 * ksim runs scheduled tasklets whenever the kernel has the CPU. Interrupt
 * handlers themselves need hardware ksim does not have. */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <ksim/deferred_abi.h>
#include <linux/kernel.h>

__KSIM_BEGIN_DECLS
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
__KSIM_END_DECLS

#define DECLARE_TASKLET(name, _callback) \
	struct tasklet_struct name = {NULL, 0, 0, 1, {.callback = _callback}, 0}
#define DECLARE_TASKLET_OLD(name, _func) \
	struct tasklet_struct name = {NULL, 0, 0, 0, {.func = _func}, 0}
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_hi_schedule(t);
}

#endif
