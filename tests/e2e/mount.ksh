# debugfs is mounted at boot, as on Debian 12; root can unmount it and
# mount it again by hand (mount and umount speak util-linux 2.38).
mount
cat /proc/mounts
mount -t debugfs
sudo insmod debugfs_demo.ko
sudo mount -t debugfs none /sys/kernel/debug; echo "again: $?"
mount -t debugfs none /sys/kernel/debug; echo "user: $?"
umount /sys/kernel/debug; echo "user: $?"
sudo umount /sys/kernel/debug; echo "umount: $?"
# The files are gone with the mount; the mount point stays, sysfs's empty folder.
ls -l /sys/kernel | grep debug
ls /sys/kernel/debug
sudo cat /sys/kernel/debug/ksim_debug/hits
mount -t debugfs
sudo umount /sys/kernel/debug; echo "not mounted: $?"
umount /sys/kernel/debug; echo "user, not mounted: $?"
sudo mount -t debugfs none /sys/kernel/debug; echo "mount: $?"
cat /proc/self/mounts | grep debugfs
mount | grep debugfs
sudo ls -l /sys/kernel/debug
sudo ls -l /sys/kernel/debug/ksim_debug
sudo cat /sys/kernel/debug/ksim_debug/hits
sudo mount -t debugfs none /sys/kernel/debug; echo "again: $?"
sudo rmmod debugfs_demo
# What else mount and umount refuse.
sudo umount /proc; echo "busy: $?"
sudo umount /tmp; echo "not mounted: $?"
sudo umount /nosuch; echo "no such: $?"
sudo mount -t nosuchfs none /sys/kernel/debug; echo "unknown type: $?"
sudo mount -t debugfs none /nosuch; echo "no mount point: $?"
sudo mount -t proc proc /proc; echo "proc again: $?"
sudo mount /sys/kernel/debug; echo "one operand: $?"
umount; echo "no operand: $?"
