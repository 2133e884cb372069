/* hello_cpp: a module written in C++, against the same SDK headers. */
#include <linux/module.h>
#include <linux/slab.h>

namespace {

struct Greeting {
	const char *who;
	int times;
	void say() const
	{
		for (int i = 0; i < times; ++i)
			pr_info("hello_cpp: hello, %s (%d)\n", who, i + 1);
	}
};

int times = 1;
module_param(times, int, 0644);
MODULE_PARM_DESC(times, "How many greetings");

int *buffer;

int __init hello_cpp_init()
{
	buffer = static_cast<int *>(kcalloc(4, sizeof(int), GFP_KERNEL));
	if (!buffer)
		return -ENOMEM;
	Greeting{"C++", times}.say();
	return 0;
}

void __exit hello_cpp_exit()
{
	kfree(buffer);
	pr_info("hello_cpp: goodbye\n");
}

} // namespace

module_init(hello_cpp_init);
module_exit(hello_cpp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a C++ module");
