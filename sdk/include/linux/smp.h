/* Which CPU the task runs on, and how many there are. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>
#include <linux/preempt.h>

#define raw_smp_processor_id() (get_current()->cpu)
#define smp_processor_id() raw_smp_processor_id()
#define get_cpu() (preempt_disable(), smp_processor_id())
#define put_cpu() preempt_enable()

#endif
