/* linux/hrtimer.h: not offered by ksim yet. */
#ifndef _KSIM_REFUSED_LINUX_HRTIMER_H
#define _KSIM_REFUSED_LINUX_HRTIMER_H

#error "ksim: high-resolution timers are not offered yet; timer_setup() and mod_timer() run at HZ=250"

#endif
