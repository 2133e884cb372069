/* IRQ numbers belong to an interrupt controller, and ksim simulates none yet. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#error "ksim: no interrupt controller is simulated, so there are no IRQ numbers (request_irq is not offered yet)"

#endif
