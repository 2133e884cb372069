# Faults in a driver's file operations, a seq_file show(), a sysfs store()
# and parameter callbacks behind /sys/module: each kills the process that
# made the system call (page faults: "Killed", 137; die()-class faults:
# "Segmentation fault", 139), and the module stays live.
sudo insmod fault_fops.ko crash=open
cat /dev/fault_fops
echo "status $?"
dmesg -t | grep -E "^(BUG|#PF|Oops|RIP|Call Trace| [a-z_0-9]+\+)"
sudo dmesg -C
echo read | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
cat /dev/fault_fops
echo "status $?"
dmesg -t | grep -E "^(BUG|#PF|RIP| fops_)"
sudo dmesg -C
echo write | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
echo hi > /dev/fault_fops
echo "status $?"
dmesg -t | grep -E "^(-|kernel BUG|invalid opcode|RIP|Call Trace| [a-z_0-9]+\+)"
sudo dmesg -C
echo ioctl | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
ioctl /dev/fault_fops 1
echo "status $?"
dmesg -t | grep -E "^(divide error|RIP)"
sudo dmesg -C
echo llseek | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
dd if=/dev/zero of=/dev/fault_fops seek=1 count=0 status=none
echo "status $?"
dmesg -t | grep -E "^(general protection|RIP)"
sudo dmesg -C
echo poll | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
poll /dev/fault_fops
echo "status $?"
dmesg -t | grep -E "^(BUG|#PF|RIP|Call Trace| [a-z_0-9]+\+)"
sudo dmesg -C
echo release | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
cat /dev/fault_fops
echo "status $?"
dmesg -t | grep -E "^(BUG|RIP|Call Trace| [a-z_0-9]+\+)" | head -n 4
sudo dmesg -C
echo none | sudo tee /sys/module/fault_fops/parameters/crash > /dev/null
cat /sys/module/fault_fops/initstate
sudo rmmod fault_fops
# seq_file show() and a sysfs store().
sudo insmod fault_seq.ko
cat /proc/fault_seq
echo "status $?"
dmesg -t | grep -E "^(BUG|RIP)"
sudo dmesg -C
sudo rmmod fault_seq
sudo insmod fault_sysfs.ko
echo 2 | sudo tee /sys/kernel/fault_sysfs/limit > /dev/null
cat /sys/kernel/fault_sysfs/limit
echo 100000000 | sudo tee /sys/kernel/fault_sysfs/limit > /dev/null
echo "status $?"
dmesg -t | grep -E "^(BUG|RIP|Call Trace| [a-z_0-9]+\+)"
sudo dmesg -C
sudo rmmod fault_sysfs
# A parameter's own get(), set() and free(), through /sys/module and at unload.
sudo insmod fault_param.ko level=5
cat /sys/module/fault_param/parameters/level
echo crash | sudo tee /sys/module/fault_param/parameters/level > /dev/null
echo "status $?"
dmesg -t | grep -E "^(BUG|RIP|Call Trace| [a-z_0-9]+\+)"
sudo dmesg -C
echo 13 | sudo tee /sys/module/fault_param/parameters/level > /dev/null
cat /sys/module/fault_param/parameters/level
echo "status $?"
dmesg -t | grep -E "^(BUG|RIP|Call Trace| [a-z_0-9]+\+)"
sudo dmesg -C
echo 7 | sudo tee /sys/module/fault_param/parameters/level > /dev/null
sudo rmmod fault_param
echo "status $?"
dmesg -t | grep -E "^(BUG|RIP|Call Trace| [a-z_0-9.]+\+)"
lsmod
sudo insmod hello.ko
lsmod
cat /proc/sys/kernel/tainted
