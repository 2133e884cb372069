# The classic counting char device: register_chrdev, class_create and
# device_create, open counting, -EBUSY on a second open, a reference held
# by an open file, and a write the driver refuses.
sudo insmod chardev.ko
dmesg -t | tail -2
grep chardev /proc/devices
ls -l /dev/chardev
stat /dev/chardev
cat /sys/class/chardev/chardev/dev
cat /sys/class/chardev/chardev/uevent
# The node is root's, mode 0600, as devtmpfs makes it.
cat /dev/chardev
echo "cat as learner: $?"
sudo cat /dev/chardev
sudo cat /dev/chardev
# A file kept open by the shell pins the module and makes the device busy.
sudo sh -c 'exec 3</dev/chardev; cat /dev/chardev; echo "second open: $?"; grep chardev /proc/modules | cut -d' ' -f1-4; rmmod chardev; echo "rmmod while open: $?"'
lsmod | grep chardev
sudo sh -c 'echo hi > /dev/chardev'
echo "write: $?"
dmesg -t | tail -1
# `sudo echo > file` opens the file as the learner, as bash does.
sudo echo hi > /dev/chardev
sudo rmmod chardev
ls /dev/chardev
grep -c chardev /proc/devices
