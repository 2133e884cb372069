/* linux/irq.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_IRQ_H
#define _KSIM_REFUSED_LINUX_IRQ_H

#error "ksim: no interrupt controller is simulated, so there are no IRQ descriptors or chips"

#endif
