/* linux/unistd.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_UNISTD_H
#define _KSIM_REFUSED_LINUX_UNISTD_H

#error "ksim: no system call table: ksim's system calls cannot be looked up or replaced from a module"

#endif
