/* Lock classes for lockdep: each mutex_init()/spin_lock_init() call site
 * has a static key of its own, so every lock it initialises is one class. */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

struct lock_class_key {
	char ksim_unique; /* not empty: each key has an address of its own */
};

#endif
