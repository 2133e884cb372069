/* hello_cpp: the same module in C++; the SDK's headers work in both languages. */
#include <linux/module.h>

namespace {

constexpr int times = 2;

int __init hello_cpp_init()
{
	for (int i = 1; i <= times; ++i)
		pr_info("Hello from C++ (%d of %d)\n", i, times);
	return 0;
}

void __exit hello_cpp_exit()
{
	pr_info("Goodbye from C++\n");
}

} // namespace

module_init(hello_cpp_init);
module_exit(hello_cpp_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A first module in C++");
