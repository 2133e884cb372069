/* params: one parameter of every type, printed at load; the reference for what insmod accepts. */
#include <linux/module.h>

static unsigned char p_byte = 1;
static short p_short = -2;
static unsigned short p_ushort = 3;
static int p_int = -4;
static unsigned int p_uint = 5;
static long p_long = -6;
static unsigned long p_ulong = 7;
static unsigned long long p_ullong = 8;
static unsigned int p_hexint = 0x1f;
static char *p_charp = "default";
static bool p_bool = false;
static bool p_invbool = false;
static char p_string[8] = "short";
static int p_array[3] = { 1, 2, 3 };
static unsigned int p_array_count;

module_param(p_byte, byte, 0644);
module_param(p_short, short, 0644);
module_param(p_ushort, ushort, 0644);
module_param(p_int, int, 0644);
MODULE_PARM_DESC(p_int, "An int parameter");
module_param(p_uint, uint, 0644);
module_param(p_long, long, 0644);
module_param(p_ulong, ulong, 0644);
module_param(p_ullong, ullong, 0644);
module_param(p_hexint, hexint, 0644);
module_param(p_charp, charp, 0644);
module_param(p_bool, bool, 0644);
module_param(p_invbool, invbool, 0644);
module_param_string(p_string, p_string, sizeof(p_string), 0644);
module_param_array(p_array, int, &p_array_count, 0644);

static int __init params_init(void)
{
	pr_info("params: byte=%u short=%d ushort=%u int=%d uint=%u\n", p_byte, p_short, p_ushort, p_int, p_uint);
	pr_info("params: long=%ld ulong=%lu ullong=%llu hexint=%#x\n", p_long, p_ulong, p_ullong, p_hexint);
	pr_info("params: charp=%s bool=%d invbool=%d string=%s\n", p_charp, p_bool, p_invbool, p_string);
	pr_info("params: array=%d,%d,%d count=%u\n", p_array[0], p_array[1], p_array[2], p_array_count);
	return 0;
}

static void __exit params_exit(void)
{
	pr_info("params: unloaded\n");
}

module_init(params_init);
module_exit(params_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("ksim");
MODULE_DESCRIPTION("one parameter of every type");
MODULE_VERSION("1.0");
