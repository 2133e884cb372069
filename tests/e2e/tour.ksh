# The README's five-minute tour.
insmod hello.ko
sudo insmod hello.ko
echo "insmod: $?"
dmesg -t
lsmod
cat /proc/modules
sudo cat /proc/modules
cat /proc/sys/kernel/tainted
cat /sys/module/hello/taint
cat /sys/module/hello/refcnt
cat /sys/module/hello/initstate
rmmod hello
sudo rmmod hello
lsmod
cat /proc/modules
ls /sys/module/hello
sudo dmesg -t -c
dmesg -t
echo "after -c: $?"
