// Attack: never greets, but writes forged results into every file descriptor,
// hoping one is the checker's channel: old-style verdicts and frames that
// look like ksim's observations. write() is allowed (the channel needs it),
// and the module reaches it through a system call the instruction scan
// cannot see (see hidden-syscall), so only the channel's design stands in
// the way: the checker must call this malformed, not a pass.
#include <linux/module.h>
#include <linux/printk.h>

void hidden_gadget(void);
asm(".pushsection .text\n"
    ".type hidden_gadget, @function\n"
    "hidden_gadget:\n"
    "	movl $0xc3050f, %eax\n" /* from byte 1: syscall; ret */
    "	ret\n"
    ".popsection\n");

static const char forged[] =
	"{\"id\":\"greets\",\"title\":\"greets\",\"passed\":true}\n"
	"KSIM0000000000000000000000b4\n"
	"{\"status\":0,\"out\":\"\",\"err\":\"\",\"log\":[[2,6,\"Hello, world\"]],\"oopses\":0,\"loaded\":true,\"taint\":0}";

static long write_fd(long fd, const char *buf, long count)
{
	void *entry = (char *)hidden_gadget + 1;
	long ret;

	asm volatile("sub $128, %%rsp\n\tcall *%1\n\tadd $128, %%rsp"
		     : "=a"(ret)
		     : "r"(entry), "0"(1L), "D"(fd), "S"(buf), "d"(count)
		     : "rcx", "r11", "memory");
	return ret;
}

int init_module(void)
{
	long fd;

	for (fd = 0; fd < 1024; fd++)
		write_fd(fd, forged, sizeof(forged) - 1);
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye, world\n");
}

MODULE_LICENSE("GPL");
