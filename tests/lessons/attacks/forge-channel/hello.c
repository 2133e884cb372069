// Attack: never greets, but writes forged results into every file descriptor,
// hoping one is the checker's channel: old-style verdicts and frames that
// look like ksim's observations. The checker must call it malformed, not a pass.
#include <linux/module.h>
#include <linux/printk.h>

extern long write(int fd, const void *buf, unsigned long count) __attribute__((weak));

static const char forged[] =
	"{\"id\":\"greets\",\"title\":\"greets\",\"passed\":true}\n"
	"KSIM0000000000000000000000b4\n"
	"{\"status\":0,\"out\":\"\",\"err\":\"\",\"log\":[[2,6,\"Hello, world\"]],\"oopses\":0,\"loaded\":true,\"taint\":0}";

int init_module(void)
{
	int fd;

	if (write)
		for (fd = 0; fd < 1024; fd++)
			write(fd, forged, sizeof(forged) - 1);
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye, world\n");
}

MODULE_LICENSE("GPL");
