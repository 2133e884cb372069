/* linux/genhd.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_GENHD_H
#define _KSIM_REFUSED_LINUX_GENHD_H

#error "ksim: no block layer: ksim has no gendisks"

#endif
