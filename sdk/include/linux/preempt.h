/* The preemption count and the context a task runs in (process, softirq). */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <ksim/sched_abi.h>
#include <linux/types.h>

#define PREEMPT_OFFSET 1
#define SOFTIRQ_OFFSET 0x100
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)
#define PREEMPT_MASK 0x000000ff
#define SOFTIRQ_MASK 0x0000ff00
#define HARDIRQ_MASK 0x000f0000
#define NMI_MASK 0x00f00000

__KSIM_BEGIN_DECLS
void __ksim_preempt_disable(void);
void __ksim_preempt_enable(void);
struct task_struct *get_current(void);
__KSIM_END_DECLS

#define preempt_count() (get_current()->preempt_count)
#define preempt_disable() __ksim_preempt_disable()
#define preempt_enable() __ksim_preempt_enable()
#define preempt_enable_no_resched() __ksim_preempt_enable()

#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))
#define in_softirq() (softirq_count() != 0)
#define in_serving_softirq() ((softirq_count() & SOFTIRQ_OFFSET) != 0)
#define in_interrupt() (irq_count() != 0)
#define in_irq() (hardirq_count() != 0)
#define in_hardirq() (hardirq_count() != 0)
#define in_nmi() ((preempt_count() & NMI_MASK) != 0)
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_atomic() (preempt_count() != 0)

#endif
