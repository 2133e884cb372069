/* <asm/ioctl.h>: the encoding lives in <linux/ioctl.h>. */
#include <linux/ioctl.h>
