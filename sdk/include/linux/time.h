/* Kernel time: timespec64 and its arithmetic, and the clocks (<linux/time64.h>, <linux/timekeeping.h>). */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/time64.h>
#include <linux/timekeeping.h>

#endif
