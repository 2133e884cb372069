/* Index arithmetic for a circular buffer whose size is a power of two: the
 * producer owns head, the consumer tail, and one slot always stays empty. */
#ifndef _LINUX_CIRC_BUF_H
#define _LINUX_CIRC_BUF_H

struct circ_buf {
	char *buf;
	int head;
	int tail;
};

#define CIRC_CNT(head, tail, size) (((head) - (tail)) & ((size)-1))
#define CIRC_SPACE(head, tail, size) CIRC_CNT((tail), ((head) + 1), (size))
/* How many can be read (or written) without wrapping round the end. */
#define CIRC_CNT_TO_END(head, tail, size)                         \
	({                                                        \
		int __cnt_end = (size) - (tail);                  \
		int __cnt_n = ((head) + __cnt_end) & ((size)-1);  \
		__cnt_n < __cnt_end ? __cnt_n : __cnt_end;        \
	})
#define CIRC_SPACE_TO_END(head, tail, size)                           \
	({                                                            \
		int __space_end = (size)-1 - (head);                  \
		int __space_n = (__space_end + (tail)) & ((size)-1);  \
		__space_n <= __space_end ? __space_n : __space_end + 1; \
	})

#endif
