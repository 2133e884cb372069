/* linux/console_struct.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_CONSOLE_STRUCT_H
#define _KSIM_REFUSED_LINUX_CONSOLE_STRUCT_H

#error "ksim: no virtual consoles: ksim's terminal is its shell, not a tty driver"

#endif
