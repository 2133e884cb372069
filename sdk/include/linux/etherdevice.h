/* linux/etherdevice.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_ETHERDEVICE_H
#define _KSIM_REFUSED_LINUX_ETHERDEVICE_H

#error "ksim: no network stack: ksim has no network devices or sk_buffs"

#endif
