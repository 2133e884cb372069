/* linux/kprobes.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_KPROBES_H
#define _KSIM_REFUSED_LINUX_KPROBES_H

#error "ksim: no kprobes: ksim cannot patch breakpoints into kernel code"

#endif
