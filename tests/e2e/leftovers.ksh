# Driver bugs that must not take ksim down: a user pointer dereferenced
# directly, a kernel pointer handed to copy_from_user, and a module that
# leaves its device and /proc entry behind at unload.
sudo insmod userptr_bug.ko
cat /dev/userptr_bug
echo "status: $?"
dmesg -t | grep -E '^(BUG|#PF|RIP)' | head -n 4
echo hi > /dev/userptr_bug
lsmod | grep userptr_bug
sudo insmod forgetful.ko
grep forgetful /proc/devices
sudo rmmod forgetful
dmesg -t | tail -n 3
grep forgetful /proc/devices
cat /proc/forgetful
echo "status: $?"
dmesg -t | grep -E '^(BUG|#PF|RIP)' | tail -n 3
# Loading it again meets what the first copy left.
sudo insmod forgetful.ko
dmesg -t | grep "already registered"
lsmod | head -n 3
