/* linux/tty.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_TTY_H
#define _KSIM_REFUSED_LINUX_TTY_H

#error "ksim: no tty layer: ksim's terminal is its shell, not a tty driver"

#endif
