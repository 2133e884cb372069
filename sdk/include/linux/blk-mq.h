/* linux/blk-mq.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_BLK_MQ_H
#define _KSIM_REFUSED_LINUX_BLK_MQ_H

#error "ksim: no block layer: ksim has no block devices or request queues"

#endif
