/* Lesson 2: module_init/module_exit and the __init family. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static char message[] __initdata = "nice to meet you";

/* TODO: static int __init greeter_init(void) printing "greeter: <message>" */

/* TODO: static void __exit greeter_exit(void) printing "greeter: bye" */

/* TODO: module_init(...) and module_exit(...) */

MODULE_LICENSE("GPL");
