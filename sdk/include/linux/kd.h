/* linux/kd.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_KD_H
#define _KSIM_REFUSED_LINUX_KD_H

#error "ksim: no keyboard or console driver to take KDSETLED"

#endif
