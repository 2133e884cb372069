/* The CPUs ksim has (ksim --cpus N; 2 unless told). */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>

__KSIM_BEGIN_DECLS
unsigned int __ksim_num_online_cpus(void);
__KSIM_END_DECLS

#define num_online_cpus() __ksim_num_online_cpus()
#define num_possible_cpus() __ksim_num_online_cpus()
#define num_present_cpus() __ksim_num_online_cpus()
#define for_each_online_cpu(cpu) for ((cpu) = 0; (unsigned int)(cpu) < num_online_cpus(); (cpu)++)
#define for_each_possible_cpu(cpu) for_each_online_cpu(cpu)

#endif
