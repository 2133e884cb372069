/* linux/of.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_OF_H
#define _KSIM_REFUSED_LINUX_OF_H

#error "ksim: no device tree: ksim boots without one"

#endif
