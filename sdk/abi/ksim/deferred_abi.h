/* Timers, work items and tasklets: the structures modules embed and the
 * kernel runs later. Plain C, like abi.h. */
#ifndef KSIM_DEFERRED_ABI_H
#define KSIM_DEFERRED_ABI_H

#include <ksim/fs_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KSIM_HZ 250 /* Debian's CONFIG_HZ */

struct timer_list {
	struct list_head entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	unsigned int flags;
};

struct work_struct {
	unsigned long data;
	struct list_head entry;
	void (*func)(struct work_struct *work);
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	int count;
	unsigned char use_callback; /* bool in Linux; the same byte in C and C++ */
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

struct workqueue_struct;

#ifdef __cplusplus
}
#endif

#endif /* KSIM_DEFERRED_ABI_H */
