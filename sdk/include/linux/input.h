/* linux/input.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_INPUT_H
#define _KSIM_REFUSED_LINUX_INPUT_H

#error "ksim: no input subsystem: ksim has no input devices or event handlers"

#endif
