/* printk_faults: printk and sprintf given what Linux refuses, and a NULL handed to strlen. */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>

static char *fault = "none";
module_param(fault, charp, 0444);
MODULE_PARM_DESC(fault, "none, or strlen: call strlen(NULL) in init");

static const char *volatile missing;
static volatile int huge = 1 << 30;

static int __init printk_faults_init(void)
{
	char small[8];
	int untouched = 7;
	int n;

	pr_info("printk_faults: strings [%s] [%s] [%s]\n", missing, (char *)0x10, (char *)ERR_PTR(-EINVAL));
	pr_info("printk_faults: precision [%.*s]\n", 100000, "clamped");
	n = snprintf(small, sizeof(small), "%*d", huge, 1);
	pr_info("printk_faults: snprintf kept [%s] and counted %d\n", small, n);
	n = sprintf(small, "%pe", ERR_PTR(-ENOMEM));
	pr_info("printk_faults: sprintf %%pe gave [%s], %d bytes\n", small, n);
	pr_info("printk_faults: percent-n [%n] is refused\n", &untouched);
	pr_info("printk_faults: untouched is still %d\n", untouched);
	if (!strcmp(fault, "strlen"))
		pr_info("printk_faults: strlen says %zu\n", strlen(missing));
	return 0;
}

static void __exit printk_faults_exit(void)
{
	pr_info("printk_faults: exit\n");
}

module_init(printk_faults_init);
module_exit(printk_faults_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("printk and string helpers given bad input");
