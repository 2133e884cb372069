/* linux/vt_kern.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_VT_KERN_H
#define _KSIM_REFUSED_LINUX_VT_KERN_H

#error "ksim: no virtual consoles: ksim's terminal is its shell, not a tty driver"

#endif
