#include <linux/module.h>

int part_value(void);

static int __init pieces_init(void)
{
#ifdef ONLY_PART
#error "CFLAGS_part.o reached main.c"
#endif
	pr_info("pieces: %d %d %d\n", FROM_CCFLAGS, FROM_EXTRA, part_value());
	return 0;
}
module_init(pieces_init);
MODULE_LICENSE("GPL");
