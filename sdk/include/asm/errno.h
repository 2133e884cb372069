/* <asm/errno.h>, as LKMPG's examples include it. */
#include <linux/errno.h>
