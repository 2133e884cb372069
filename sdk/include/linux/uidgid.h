/* Kernel-internal user and group ids. */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/types.h>

typedef struct {
	uid_t val;
} kuid_t;

typedef struct {
	gid_t val;
} kgid_t;

#define KUIDT_INIT(value) ((kuid_t){value})
#define KGIDT_INIT(value) ((kgid_t){value})
#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)

static inline uid_t __kuid_val(kuid_t uid)
{
	return uid.val;
}

static inline gid_t __kgid_val(kgid_t gid)
{
	return gid.val;
}

static inline bool uid_eq(kuid_t left, kuid_t right)
{
	return left.val == right.val;
}

static inline bool gid_eq(kgid_t left, kgid_t right)
{
	return left.val == right.val;
}

#endif
