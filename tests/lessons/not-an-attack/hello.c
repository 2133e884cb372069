// Not an attack: the bytes of `syscall` (0f 05), `int $0x80` (cd 80) and
// `sysenter` (0f 34) in data and inside other instructions' immediates. The
// scan decodes instructions, so this correct solution passes.
#include <linux/module.h>
#include <linux/printk.h>

static const unsigned char look_alikes[] = {0x0f, 0x05, 0xcd, 0x80, 0x0f, 0x34};

int init_module(void)
{
	volatile unsigned int immediate = 0x340f80cd;
	volatile unsigned int other = 0x050f050f;

	if (immediate != other && look_alikes[0] == 0x0f)
		pr_info("Hello, world\n");
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye, world\n");
}

MODULE_LICENSE("GPL");
