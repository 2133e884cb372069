/* poll(): the readiness bits a driver's poll method returns. */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/types.h>

#define EPOLLIN 0x00000001U
#define EPOLLPRI 0x00000002U
#define EPOLLOUT 0x00000004U
#define EPOLLERR 0x00000008U
#define EPOLLHUP 0x00000010U
#define EPOLLRDNORM 0x00000040U
#define EPOLLWRNORM 0x00000100U
#define POLLIN EPOLLIN
#define POLLOUT EPOLLOUT
#define POLLERR EPOLLERR
#define POLLHUP EPOLLHUP
#define POLLRDNORM EPOLLRDNORM
#define POLLWRNORM EPOLLWRNORM

typedef struct poll_table_struct poll_table;

/* Nothing ever sleeps in ksim, so there is no wait queue to join. */
#define poll_wait(filp, wait_address, p) ((void)(filp), (void)(wait_address), (void)(p))

#endif
