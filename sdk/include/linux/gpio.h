/* linux/gpio.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_GPIO_H
#define _KSIM_REFUSED_LINUX_GPIO_H

#error "ksim: no GPIO controller or pins are simulated"

#endif
