/* Kernel timers. ksim runs due timers whenever the kernel has the CPU:
 * between shell commands and while the shell sleeps. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <ksim/deferred_abi.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

__KSIM_BEGIN_DECLS
void __ksim_timer_setup(struct timer_list *timer, void (*function)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);
__KSIM_END_DECLS

#define timer_setup(timer, callback, flags) __ksim_timer_setup((timer), (callback), (flags))
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)
#define DEFINE_TIMER(name, function) \
	struct timer_list name = {{NULL, NULL}, 0, function, 0}

#endif
