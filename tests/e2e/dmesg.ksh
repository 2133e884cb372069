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
# dmesg reads /dev/kmsg; -c prints the records, then its syslog(SYSLOG_ACTION_CLEAR)
# fails without CAP_SYSLOG, as util-linux's does.
sudo dmesg -C
sudo sh -c 'echo "<6>marker one" > /dev/kmsg'
dmesg -t -c
dmesg -t -x
# kernel.dmesg_restrict (Debian sets 1): reading needs CAP_SYSLOG too.
cat /proc/sys/kernel/dmesg_restrict
echo 1 > /proc/sys/kernel/dmesg_restrict
sudo sh -c 'echo 2 > /proc/sys/kernel/dmesg_restrict'
sudo sh -c 'echo 1 > /proc/sys/kernel/dmesg_restrict'
dmesg
cat /dev/kmsg
sudo dmesg -t
sudo sh -c 'echo 0 > /proc/sys/kernel/dmesg_restrict'
# -D and -E turn the console off and back on.
sudo dmesg -n 6
sudo dmesg -D
cat /proc/sys/kernel/printk
sudo dmesg -E
cat /proc/sys/kernel/printk
# Without /dev/kmsg, dmesg reads syslog(2)'s buffer instead.
sudo rm /dev/kmsg
dmesg -t -x
sudo dmesg -t -c
dmesg -t
sudo mknod -m 644 /dev/kmsg c 1 11
sudo sh -c 'echo "<6>marker two" > /dev/kmsg'
dmesg -t
