/* fault_cxx_ctor: a C++ global object, constructed before init and
 * destroyed after exit, like any C++ program's. With crash=1 (the default)
 * its constructor dereferences NULL. */
#include <linux/module.h>

namespace {

bool crash = true;
module_param(crash, bool, 0444);

int* volatile nowhere;

class Sensor {
public:
    noinline __noclone Sensor()
    {
        pr_info("fault_cxx_ctor: Sensor constructed\n");
        if (crash)
            reading_ = *nowhere;
    }
    ~Sensor() { pr_info("fault_cxx_ctor: Sensor destroyed\n"); }
    int reading() const { return reading_; }

private:
    int reading_ = 0;
};

Sensor sensor;

int __init fault_cxx_ctor_init()
{
    pr_info("fault_cxx_ctor: init, reading %d\n", sensor.reading());
    return 0;
}

void __exit fault_cxx_ctor_exit()
{
    pr_info("fault_cxx_ctor: exit\n");
}

} // namespace

module_init(fault_cxx_ctor_init);
module_exit(fault_cxx_ctor_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a C++ global object whose constructor faults");
