/* Static keys: a branch switched on and off at run time. Linux patches the
 * jump into the code; ksim reads the key's count at each branch instead, so
 * a disabled key costs a load rather than a no-op, and behaves the same. */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct static_key {
	atomic_t enabled;
};

struct static_key_true {
	struct static_key key;
};

struct static_key_false {
	struct static_key key;
};

#define STATIC_KEY_INIT_TRUE {ATOMIC_INIT(1)}
#define STATIC_KEY_INIT_FALSE {ATOMIC_INIT(0)}
#define STATIC_KEY_TRUE_INIT {STATIC_KEY_INIT_TRUE}
#define STATIC_KEY_FALSE_INIT {STATIC_KEY_INIT_FALSE}

#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name
#define DEFINE_STATIC_KEY_TRUE_RO(name) DEFINE_STATIC_KEY_TRUE(name)
#define DEFINE_STATIC_KEY_FALSE_RO(name) DEFINE_STATIC_KEY_FALSE(name)

static inline int static_key_count(struct static_key *key)
{
	return atomic_read(&key->enabled);
}

/* Takes a struct static_key, static_key_true or static_key_false: the key comes first in each. */
#define static_key_enabled(x) (static_key_count((struct static_key *)(x)) > 0)

#define static_branch_likely(x) likely(static_key_enabled(&(x)->key))
#define static_branch_unlikely(x) unlikely(static_key_enabled(&(x)->key))

static inline void static_key_enable(struct static_key *key)
{
	atomic_set(&key->enabled, 1);
}

static inline void static_key_disable(struct static_key *key)
{
	atomic_set(&key->enabled, 0);
}

static inline void static_key_slow_inc(struct static_key *key)
{
	atomic_inc(&key->enabled);
}

static inline void static_key_slow_dec(struct static_key *key)
{
	atomic_dec(&key->enabled);
}

#define static_branch_enable(x) static_key_enable(&(x)->key)
#define static_branch_disable(x) static_key_disable(&(x)->key)
#define static_branch_inc(x) static_key_slow_inc(&(x)->key)
#define static_branch_dec(x) static_key_slow_dec(&(x)->key)

#endif
