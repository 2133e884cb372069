# A NULL dereference in init: an Oops, the task is killed, the kernel goes on.
sudo insmod oops_init.ko
echo "status $?"
lsmod
cat /sys/module/oops_init/initstate
cat /proc/sys/kernel/tainted
sudo rmmod oops_init
sudo insmod oops_init.ko
sudo insmod hello.ko
lsmod
sudo dmesg -t
