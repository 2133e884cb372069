# util-linux dmesg options over the kernel's ring buffer.
sudo dmesg -C
sudo insmod hello.ko
sudo insmod params.ko p_int=abc
dmesg -t -l err
dmesg -t -l err,warn
dmesg -x -l info
dmesg -r -l err
dmesg -t --level=bogus
dmesg -C
sudo dmesg -C
dmesg -t
cat /proc/sys/kernel/printk
dmesg -n 1
sudo dmesg -n 8
cat /proc/sys/kernel/printk
echo 4 > /proc/sys/kernel/printk
sudo echo 4 > /proc/sys/kernel/printk
# <linux/list.h>: a list built, walked and freed; nothing leaks.
sudo insmod lists.ko
sudo rmmod lists
dmesg -t | grep -E "^lists|unreferenced"
