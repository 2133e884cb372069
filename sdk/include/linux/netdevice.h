/* linux/netdevice.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_NETDEVICE_H
#define _KSIM_REFUSED_LINUX_NETDEVICE_H

#error "ksim: no network stack: ksim has no network devices or sk_buffs"

#endif
