/* Reader-writer spinlocks (rwlock_t, read_lock, write_lock, ...) live in
 * <linux/spinlock.h>, which Linux also includes for this header. */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/spinlock.h>

#endif
