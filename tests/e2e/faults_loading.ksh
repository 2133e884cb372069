# Faults while a module comes and goes: a BUG_ON in init, a C constructor, a
# C++ global object's constructor, a parameter's set() at insmod, and exit.
# Each is an Oops under the guard: the task dies (BUG and other die()-class
# faults with SIGSEGV, page faults with SIGKILL), the module stays where it
# was, the kernel is tainted D, and the next module still loads.
sudo insmod fault_bug.ko
echo "status $?"
cat /sys/module/fault_bug/initstate
dmesg -t | grep -E "^(-|kernel BUG|invalid opcode|RIP|Call Trace| [a-z_]+\+|Modules)"
cat /proc/sys/kernel/tainted
sudo dmesg -C
# A C constructor runs before init (do_mod_ctors); its fault leaves the module coming, init never runs.
sudo insmod fault_ctor.ko
echo "status $?"
cat /sys/module/fault_ctor/initstate
dmesg -t | grep -E "^(fault_ctor:|BUG|#PF|RIP|Call Trace| [a-z_]+\+|Modules)"
sudo dmesg -C
# A C++ global object: constructed before init, destroyed after exit.
sudo insmod fault_cxx_ctor.ko crash=0
sudo rmmod fault_cxx_ctor
dmesg -t | grep fault_cxx_ctor:
sudo dmesg -C
sudo insmod fault_cxx_ctor.ko
echo "status $?"
dmesg -t | grep -E "^(fault_cxx_ctor:|BUG|RIP|Call Trace| [^ ]+\+)"
sudo dmesg -C
# A parameter's set() at insmod: the module stays coming, as after a fault in init.
sudo insmod fault_param.ko level=crash
echo "status $?"
cat /sys/module/fault_param/initstate
dmesg -t | grep -E "^(BUG|RIP|Call Trace| [a-z_]+\+)"
sudo dmesg -C
# exit: rmmod dies, the module stays going and can never leave.
sudo insmod fault_exit.ko
sudo rmmod fault_exit
echo "status $?"
cat /sys/module/fault_exit/initstate
sudo rmmod fault_exit
dmesg -t | grep -E "^(BUG|#PF|RIP|Call Trace| [a-z_.0-9]+\+|Modules)"
sudo dmesg -C
sudo insmod hello.ko
lsmod
cat /sys/module/fault_exit/taint
cat /proc/sys/kernel/tainted
