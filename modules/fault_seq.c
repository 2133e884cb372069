/* fault_seq: /proc/fault_seq's seq_file show() follows a NULL record; cat
 * is killed and the module stays live. */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

struct record {
    const char* name;
    int value;
};

static struct record* volatile current_record; /* the bug: never set */

static int fault_seq_show(struct seq_file* m, void* v)
{
    seq_printf(m, "%s = %d\n", current_record->name, current_record->value);
    return 0;
}

static int __init fault_seq_init(void)
{
    if (!proc_create_single("fault_seq", 0444, NULL, fault_seq_show))
        return -ENOMEM;
    return 0;
}

static void __exit fault_seq_exit(void)
{
    remove_proc_entry("fault_seq", NULL);
}

module_init(fault_seq_init);
module_exit(fault_seq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("NULL dereference in seq_file show");
