/* linux/syscalls.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_SYSCALLS_H
#define _KSIM_REFUSED_LINUX_SYSCALLS_H

#error "ksim: system calls are not callable or replaceable from modules in ksim"

#endif
