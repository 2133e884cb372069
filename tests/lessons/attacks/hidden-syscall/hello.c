// Attack: a system call (getppid) the instruction scan cannot see. The bytes
// of `syscall; ret` hide inside a `mov` instruction's immediate, and the
// module jumps into the middle of it. The seccomp allow-list stops it; the
// module greets only if the call came back.
#include <linux/module.h>
#include <linux/printk.h>

void hidden_gadget(void);
asm(".pushsection .text\n"
    ".type hidden_gadget, @function\n"
    "hidden_gadget:\n"
    "	movl $0xc3050f, %eax\n" /* b8 0f 05 c3 00: from byte 1, syscall; ret */
    "	ret\n"
    ".popsection\n");

int init_module(void)
{
	void *entry = (char *)hidden_gadget + 1;
	long ret;

	/* Past the red zone, so the call's return address overwrites nothing. */
	asm volatile("sub $128, %%rsp\n\tcall *%1\n\tadd $128, %%rsp"
		     : "=a"(ret)
		     : "r"(entry), "0"(110L)
		     : "rcx", "r11", "memory");
	if (ret > 0)
		pr_info("Hello, world\n");
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye, world\n");
}

MODULE_LICENSE("GPL");
