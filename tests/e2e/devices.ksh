# cdev with a dynamic region, seeks and dd; a misc device in C++; ioctl
# through user memory; mknod and rm of nodes; the kernel's own devices.
sudo insmod rwbuf.ko
ls -l /dev/rwbuf0 /dev/rwbuf1
sudo sh -c 'echo hello world > /dev/rwbuf0'
sudo cat /dev/rwbuf0
sudo dd if=/dev/rwbuf0 bs=1 skip=6 count=5 status=none; echo
sudo sh -c 'dd if=/dev/zero of=/dev/rwbuf1 bs=100 count=3 status=none'
echo "dd past the end: $?"
sudo wc -c /dev/rwbuf1
ls -l /sys/class/rwbuf/rwbuf0 | grep size
cat /sys/class/rwbuf/rwbuf0/size /sys/class/rwbuf/rwbuf1/size
# poll: the driver's poll method says what the file is ready for.
sudo poll /dev/rwbuf0 /dev/rwbuf1 /dev/null
sudo rmmod rwbuf
sudo insmod miscdev.ko
dmesg -t | tail -1
grep ksim_misc /proc/misc
ls -l /dev/ksim_misc
cat /dev/ksim_misc | cut -d' ' -f1,3,4
sudo insmod ioctl_dev.ko
sudo ioctl /dev/ioctl_dev 0x80046b01
sudo ioctl /dev/ioctl_dev 0x40046b02 7
sudo ioctl /dev/ioctl_dev 0x80046b01
sudo ioctl /dev/ioctl_dev 0x40046b02 -1
echo "negative value: $?"
sudo ioctl /dev/ioctl_dev 0x6b00
sudo ioctl /dev/ioctl_dev 0x80046b01
sudo ioctl /dev/ioctl_dev 0x80106b03
sudo ioctl /dev/ioctl_dev 0x6b09
echo "unknown command: $?"
ioctl /dev/ioctl_dev 0x6b00
# A node made by hand reaches the driver by its numbers.
mknod /dev/mine c 10 127
sudo mknod /dev/mine c 10 127
sudo mknod -m 0644 /dev/nothing c 42 0
ls -l /dev/mine /dev/nothing
sudo cat /dev/mine | cut -d' ' -f3,4
sudo cat /dev/nothing
rm /dev/mine
sudo rm /dev/mine /dev/nothing
ls /dev
# A read that sleeps until something is written finds a note waiting.
sudo insmod sleepy.ko
echo hello > /dev/sleepy
cat /dev/sleepy
# The kernel's own devices.
head -c 5 /dev/zero | wc -c
echo gone > /dev/null
cat /dev/null
echo full > /dev/full
echo "<3>injected from user space" > /dev/kmsg
sudo sh -c 'echo "<3>injected from user space" > /dev/kmsg'
dmesg -x -t | tail -n 1
sudo head -n 1 /dev/kmsg | cut -d';' -f2
