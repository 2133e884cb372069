/* The current task's user ids. */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/sched.h>
#include <linux/types.h>

typedef struct {
	uid_t val;
} kuid_t;

#define GLOBAL_ROOT_UID ((kuid_t){0})

static inline kuid_t current_uid(void)
{
	kuid_t uid = {get_current()->uid};
	return uid;
}

static inline kuid_t current_euid(void)
{
	kuid_t uid = {get_current()->euid};
	return uid;
}

static inline uid_t __kuid_val(kuid_t uid)
{
	return uid.val;
}

static inline bool uid_eq(kuid_t left, kuid_t right)
{
	return left.val == right.val;
}

#endif
