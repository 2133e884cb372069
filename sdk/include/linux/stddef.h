/* NULL, offsetof and the C boolean constants, without the host's libc. */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#undef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
enum { false = 0, true = 1 };
#endif

#undef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#endif
