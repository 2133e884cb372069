/* Disabling interrupts on the task's CPU. ksim has no hardware interrupts;
 * the state is kept so that sleeping with interrupts off is reported. */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <ksim/sched_abi.h>
#include <linux/types.h>

__KSIM_BEGIN_DECLS
unsigned long __ksim_local_irq_save(void);
void __ksim_local_irq_restore(unsigned long flags);
struct task_struct *get_current(void);
__KSIM_END_DECLS

#define local_irq_save(flags) ((flags) = __ksim_local_irq_save())
#define local_irq_restore(flags) __ksim_local_irq_restore(flags)
#define local_irq_disable() ((void)__ksim_local_irq_save())
#define local_irq_enable() __ksim_local_irq_restore(0x200)
#define irqs_disabled() (get_current()->irqs_disabled != 0)

#endif
