/* The current task's user ids. */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/sched.h>
#include <linux/types.h>
#include <linux/uidgid.h>

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

#endif
