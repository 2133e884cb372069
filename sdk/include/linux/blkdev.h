/* linux/blkdev.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_BLKDEV_H
#define _KSIM_REFUSED_LINUX_BLKDEV_H

#error "ksim: no block layer: ksim has no block devices or request queues"

#endif
